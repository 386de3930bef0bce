using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>The workshops a staff member facilitates (administrators: all), soonest first.</summary>
public sealed class ListWorkshops(CoProduceDbContext db)
{
    public async Task<IReadOnlyList<Workshop>> HandleAsync(StaffActor actor, CancellationToken cancellationToken = default)
    {
        var query = db.Workshops.AsNoTracking();
        if (!actor.Has(StaffRoles.Administrator))
        {
            // Facilitators are a small JSON list; filter the organisation's workshops in memory.
            query = query.Where(w => w.OwnerOrganisationId == actor.OrganisationId);
        }

        var workshops = await query.ToListAsync(cancellationToken);
        return workshops.Where(w => w.IsFacilitator(actor)).OrderBy(w => w.State == WorkshopState.Ended).ThenBy(w => w.ScheduledAt).ToList();
    }
}
