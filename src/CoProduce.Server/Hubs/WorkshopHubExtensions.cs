using System.Text.Json.Serialization;
using CoProduce.Server.Hubs;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class WorkshopHubExtensions
{
    public const string HubPath = "/hubs/workshop";

    /// <summary>The live workshop hub: SignalR with the JSON protocol, its limits and its filter.</summary>
    public static IHostApplicationBuilder AddWorkshops(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkshopHubOptions>()
            .BindConfiguration(WorkshopHubOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<LiveTallies>();
        builder.Services.AddSingleton<TallyBroadcaster>();
        builder.Services.AddSingleton<ParticipantConnections>();
        builder.Services.AddScoped<WorkshopNotifier>();
        builder.Services.AddSingleton<WorkshopHubFilter>();
        builder.Services.AddSignalR(o => o.EnableDetailedErrors = false)
            .AddHubOptions<WorkshopHub>(o =>
            {
                o.AddFilter<WorkshopHubFilter>();
                o.MaximumParallelInvocationsPerClient = 1;
            })
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.Converters.Add(new IdJsonConverterFactory());
                o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
            });
        if (builder.Configuration.BenchEnabled())
        {
            builder.Services.AddBenchReference();
        }

        builder.Services.AddOptions<HubOptions<WorkshopHub>>()
            .Configure<IOptions<WorkshopHubOptions>>((hub, limits) => hub.MaximumReceiveMessageSize = limits.Value.MaximumReceiveMessageSize);
        return builder;
    }

    /// <summary>Maps <c>/hubs/workshop</c> behind an Origin check (cross-site WebSocket hijacking).</summary>
    public static WebApplication MapWorkshops(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HubPath) && !OriginAllowed(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });
        app.MapHub<WorkshopHub>(HubPath);
        if (app.Configuration.BenchEnabled())
        {
            // bench/workshops only (Workshops:Bench:Enabled, off by default): the SignalR reference.
            app.MapBenchReference();
        }

        return app;
    }

    /// <summary>
    /// Browsers always send Origin on WebSocket and cross-origin requests; it must be this server or a
    /// configured origin. Requests without one (not from a browser page) carry no ambient cookie risk.
    /// </summary>
    internal static bool OriginAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var allowed = context.RequestServices.GetRequiredService<IOptions<WorkshopHubOptions>>().Value.AllowedOrigins;
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }
}
