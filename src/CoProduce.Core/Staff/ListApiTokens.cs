using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Staff;

public sealed record ApiTokenSummary(ApiTokenId Id, string Name, DateTimeOffset CreatedAt, DateOnly? LastUsedOn, DateTimeOffset? RevokedAt);

/// <summary>The actor's own tokens, newest first (never the token values, which are not kept).</summary>
public sealed class ListApiTokens(CoProduceDbContext db)
{
    public async Task<IReadOnlyList<ApiTokenSummary>> HandleAsync(StaffActor actor, CancellationToken ct = default)
    {
        var tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == actor.UserId)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.CreatedAt, t.LastUsedOn, t.RevokedAt))
            .ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt).ToList();
    }
}
