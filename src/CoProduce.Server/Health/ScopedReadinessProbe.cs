namespace CoProduce.Server.Health;

/// <summary>
/// A readiness probe that runs its check in a fresh DI scope, so it can use scoped services such as a
/// DbContext or the storage migrator.
/// </summary>
public sealed class ScopedReadinessProbe(
    string name,
    Func<IServiceProvider, CancellationToken, Task<bool>> isReady,
    IServiceScopeFactory scopes) : IReadinessProbe
{
    public string Name => name;

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await isReady(scope.ServiceProvider, cancellationToken);
    }
}
