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

    /// <summary>Passkey ceremony options (sign-in and adding a passkey).</summary>
    public const string Passkey = "passkey";
}

public static class RateLimitExtensions
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CodeLookupRateLimitOptions>()
            .BindConfiguration(CodeLookupRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<PasskeyRateLimitOptions>()
            .BindConfiguration(PasskeyRateLimitOptions.Section)
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
                return PerClient(context, options.PermitLimit, options.Window);
            });
            limiter.AddPolicy(RateLimitPolicies.Passkey, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<PasskeyRateLimitOptions>>().Value;
                return PerClient(context, options.PermitLimit, options.Window);
            });
        });
        return builder;
    }

    /// <summary>A fixed window per client, keyed by the rotating keyed hash of its address (never the address).</summary>
    private static RateLimitPartition<string> PerClient(HttpContext context, int permitLimit, TimeSpan window)
    {
        var keys = context.RequestServices.GetRequiredService<RotatingClientKey>();
        return RateLimitPartition.GetFixedWindowLimiter(
            keys.PartitionKey(context.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = window,
                QueueLimit = 0,
            });
    }
}
