using CoProduce.Core.Common;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Staff;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore);

/// <summary>The audit log, newest first, a page at a time; administrators only; read-only.</summary>
public sealed class ListAuditEntries(CoProduceDbContext db)
{
    public const int PageSize = 50;

    public async Task<Result<AuditPage>> HandleAsync(StaffActor actor, int page, CancellationToken ct = default)
    {
        if (!actor.Has(StaffRoles.Administrator))
        {
            return new Error(ErrorCodes.Forbidden);
        }

        page = Math.Clamp(page, 1, 100_000);
        var rows = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(ct);
        return new AuditPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }
}
