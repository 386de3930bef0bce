using CoProduce.Core.Consultations;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Api;

/// <summary>
/// The open consultations for anonymous readers of the API, kept for <see cref="GraphQLApiOptions.PublicListCacheSeconds"/>
/// (public, published content only, the same for everyone): a burst of readers costs one database read.
/// A consultation that opens or closes shows up in (or leaves) the list at most that long afterwards;
/// responses are still checked against the clock when they are submitted.
/// </summary>
public sealed class PublicConsultations(IServiceScopeFactory scopes, TimeProvider time, IOptions<GraphQLApiOptions> options)
{
    private Snapshot? _snapshot;

    public async Task<IReadOnlyList<Consultation>> OpenAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } snapshot && now < snapshot.Expires)
        {
            return snapshot.Consultations;
        }

        await using var scope = scopes.CreateAsyncScope();
        var open = await scope.ServiceProvider.GetRequiredService<ListOpenConsultations>().ListAsync(cancellationToken);
        var seconds = options.Value.PublicListCacheSeconds;
        if (seconds > 0)
        {
            // Never past the first closing time in the list, so a closed consultation is not listed from the cache.
            var expires = now.AddSeconds(seconds);
            if (open.Count > 0 && open[0].ClosesAt < expires)
            {
                expires = open[0].ClosesAt;
            }

            _snapshot = new Snapshot(open, expires);
        }

        return open;
    }

    private sealed record Snapshot(IReadOnlyList<Consultation> Consultations, DateTimeOffset Expires);
}
