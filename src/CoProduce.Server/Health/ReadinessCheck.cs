using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoProduce.Server.Health;

/// <summary>
/// Ready when every registered <see cref="IReadinessProbe"/> says so — for this service, the database
/// is reachable and migrated (storage registers that probe with <c>builder.AddReadinessProbe(...)</c>).
/// With no probe registered it reports unhealthy, so /readyz never claims a database it has not checked.
/// </summary>
public sealed class ReadinessCheck(IEnumerable<IReadinessProbe> probes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var any = false;
        foreach (var probe in probes)
        {
            any = true;
            if (!await probe.IsReadyAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy(probe.Name + " is not ready");
            }
        }
        return any ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("no readiness probe registered");
    }
}

/// <summary>Something /readyz waits for, e.g. "the database is reachable and its migrations are applied".</summary>
public interface IReadinessProbe
{
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
