using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>What a facilitator can change with <see cref="UpdateWorkshop"/>, and the room's state.</summary>
public sealed record EditableWorkshop(WorkshopDetails Details, WorkshopState State);

/// <summary>A workshop's details as they are, for its facilitators to change.</summary>
public sealed class GetWorkshopDetails(CoProduceDbContext db, WorkshopAccess access)
{
    public async Task<Result<EditableWorkshop>> HandleAsync(StaffActor actor, WorkshopId id, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeFacilitatorAsync(actor, id, cancellationToken);
        if (!authorized.TryGetValue(out var w))
        {
            return Result<EditableWorkshop>.Failure(authorized.Errors);
        }

        var reference = w.ConsultationId is { } consultation
            ? await db.Consultations.AsNoTracking().Where(c => c.Id == consultation).Select(c => c.Reference).SingleOrDefaultAsync(cancellationToken)
            : null;
        var details = new WorkshopDetails(w.Title, w.Purpose, w.Phase, w.Jurisdiction, w.ScheduledAt, w.GroundRules, w.SupportInformation, w.AdmissionRequired, reference);
        return new EditableWorkshop(details, w.State);
    }
}
