using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>A member of staff allowed to read a workshop; <paramref name="Facilitator"/> when they run it (or administer).</summary>
public sealed record WorkshopReader(Workshop Workshop, bool Facilitator);

/// <summary>One page of the workshops a member of staff may read, and how many there are in all.</summary>
public sealed record WorkshopPage(IReadOnlyList<WorkshopReader> Items, int Total);

/// <summary>
/// The workshops a member of staff may read (<see cref="ListReadableWorkshops.CanRead"/>): administrators all,
/// anyone else their organisation's, each marked with whether they facilitate it; soonest first, ended ones last.
/// </summary>
public sealed class ListReadableWorkshops(CoProduceDbContext db)
{
    /// <summary>
    /// Who may read a workshop's dashboard: its facilitators and administrators (everything), and other staff of the
    /// owning organisation (small counts suppressed). Anyone else is told it is not found.
    /// </summary>
    public static bool CanRead(Workshop workshop, StaffActor actor) =>
        workshop.IsFacilitator(actor) || workshop.OwnerOrganisationId == actor.OrganisationId;

    public async Task<WorkshopPage> HandleAsync(StaffActor actor, int offset, int count, CancellationToken cancellationToken = default)
    {
        var query = db.Workshops.AsNoTracking();
        if (!actor.Has(StaffRoles.Administrator))
        {
            query = query.Where(w => w.OwnerOrganisationId == actor.OrganisationId);
        }

        var total = await query.CountAsync(cancellationToken);
        // Order in the database by what is stored: state (Ended last) then planned start, then id for a stable order.
        var page = await query
            .OrderBy(w => w.State == WorkshopState.Ended ? 1 : 0)
            .ThenBy(w => w.ScheduledAt)
            .ThenBy(w => w.Id)
            .Skip(offset)
            .Take(count)
            .ToListAsync(cancellationToken);
        return new WorkshopPage(page.Select(w => new WorkshopReader(w, w.IsFacilitator(actor))).ToList(), total);
    }
}
