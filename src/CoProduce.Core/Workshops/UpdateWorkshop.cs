using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>A facilitator edits a workshop's details (any time before it ends).</summary>
public sealed class UpdateWorkshop(CoProduceDbContext db, WorkshopAccess access, IAuditLog audit)
{
    public async Task<Result> HandleAsync(StaffActor actor, WorkshopId id, WorkshopDetails details, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeFacilitatorAsync(actor, id, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result.Failure(authorized.Errors);
        }

        if (workshop.State == WorkshopState.Ended)
        {
            return new Error(ErrorCodes.WorkshopEnded);
        }

        var validated = await CreateWorkshop.Validate(db, details, cancellationToken);
        if (!validated.TryGetValue(out var v))
        {
            return Result.Failure(validated.Errors);
        }

        workshop.Update(v.Title, v.Purpose, details.Phase, details.Jurisdiction, details.ScheduledAt, v.GroundRules, v.SupportInformation, details.AdmissionRequired, v.ConsultationId);
        await audit.RecordAsync(actor, WorkshopAudit.Update, WorkshopAudit.SubjectWorkshop, id.ToString(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ErrorCodes.WorkshopChangedElsewhere);
        }

        return Result.Success();
    }
}
