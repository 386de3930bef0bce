using System.Threading.RateLimiting;
using CoProduce.Server.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Names of the rate-limiting policies endpoints opt into with <c>[EnableRateLimiting(...)]</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Resume-code and receipt-code look-ups.</summary>
    public const string CodeLookup = "code-lookup";
}

public static class RateLimitExtensions
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CodeLookupRateLimitOptions>()
            .BindConfiguration(CodeLookupRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RotatingClientKey>();

        builder.Services.AddRateLimiter(limiter =>
        {
            // No body: the status-code pages render the localised "too many attempts" page.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicies.CodeLookup, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<CodeLookupRateLimitOptions>>().Value;
                var keys = context.RequestServices.GetRequiredService<RotatingClientKey>();
                return RateLimitPartition.GetFixedWindowLimiter(
                    keys.PartitionKey(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = options.Window,
                        QueueLimit = 0,
                    });
            });
        });
        return builder;
    }
}
