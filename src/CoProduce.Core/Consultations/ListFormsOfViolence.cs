using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Consultations;

/// <summary>The forms of violence of a jurisdiction from the reference table (seeded, extendable), in order.</summary>
public sealed class ListFormsOfViolence(CoProduceDbContext db)
{
    public async Task<IReadOnlyList<FormOfViolence>> HandleAsync(Jurisdiction jurisdiction, CancellationToken ct = default)
    {
        var rows = await db.FormsOfViolence.AsNoTracking().Where(f => f.Jurisdiction == jurisdiction).OrderBy(f => f.SortOrder).ToListAsync(ct);
        return rows.Select(r => r.ToDomain()).ToArray();
    }
}
