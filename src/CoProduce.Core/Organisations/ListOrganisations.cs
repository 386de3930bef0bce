using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Organisations;

/// <summary>Every organisation, by name (for administrators' lists and choices).</summary>
public sealed class ListOrganisations(CoProduceDbContext db)
{
    public async Task<IReadOnlyList<Organisation>> HandleAsync(CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
}
