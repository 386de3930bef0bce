using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.OutcomeFrameworks;

/// <summary>The organisation's frameworks, to continue one in a new workshop.</summary>
public sealed class ListOutcomeFrameworks(CoProduceDbContext db)
{
    public async Task<IReadOnlyList<OutcomeFramework>> HandleAsync(StaffActor actor, CancellationToken cancellationToken = default)
    {
        var query = db.OutcomeFrameworks.AsNoTracking();
        if (!actor.Has(StaffRoles.Administrator))
        {
            query = query.Where(f => f.OwnerOrganisationId == actor.OrganisationId);
        }

        return await query.ToListAsync(cancellationToken);
    }
}
