using CoProduce.Server.Health;

namespace Microsoft.Extensions.Hosting;

public static class HealthExtensions
{
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        // Storage registers what "ready" means, e.g.
        // builder.AddReadinessProbe("database", (services, ct) => services.GetRequiredService<DatabaseMigrator>().IsUpToDateAsync(ct));
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Adds something /readyz waits for; <paramref name="isReady"/> runs in its own DI scope on each check.</summary>
    public static IHostApplicationBuilder AddReadinessProbe(
        this IHostApplicationBuilder builder,
        string name,
        Func<IServiceProvider, CancellationToken, Task<bool>> isReady)
    {
        builder.Services.AddSingleton<IReadinessProbe>(services =>
            new ScopedReadinessProbe(name, isReady, services.GetRequiredService<IServiceScopeFactory>()));
        return builder;
    }

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: every check tagged "ready" passes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
