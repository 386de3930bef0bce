using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.OutcomeFrameworks;

/// <summary>
/// Frameworks belong to an organisation. Its staff may read them; its facilitators and commissioners
/// (and administrators) may change them. Staff of other organisations are told it is not found.
/// </summary>
public sealed class FrameworkAccess(CoProduceDbContext db)
{
    public async Task<Result<OutcomeFramework>> AuthorizeAsync(StaffActor actor, OutcomeFrameworkId id, bool change, CancellationToken cancellationToken)
    {
        var framework = await db.OutcomeFrameworks.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (framework is null || (!actor.Has(StaffRoles.Administrator) && framework.OwnerOrganisationId != actor.OrganisationId))
        {
            return new Error(ErrorCodes.FrameworkNotFound);
        }

        if (change && !actor.Has(StaffRoles.Administrator) && !actor.Has(StaffRoles.Facilitator) && !actor.Has(StaffRoles.Commissioner))
        {
            return new Error(ErrorCodes.WorkshopForbidden);
        }

        return framework;
    }

    public async Task<IReadOnlySet<string>> WellbeingCodesAsync(CancellationToken cancellationToken) =>
        (await db.WellbeingReference.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken)).ToHashSet();
}
