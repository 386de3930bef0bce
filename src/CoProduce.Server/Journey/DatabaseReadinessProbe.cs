using CoProduce.Core.Storage;
using CoProduce.Server.Health;

namespace CoProduce.Server.Journey;

/// <summary>Ready when the database answers and every embedded migration has been applied.</summary>
public sealed class DatabaseReadinessProbe(IServiceScopeFactory scopes) : IReadinessProbe
{
    public string Name => "database";

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().IsUpToDateAsync(cancellationToken);
    }
}
