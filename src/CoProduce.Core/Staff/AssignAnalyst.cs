using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Staff;

/// <summary>
/// Assigns an analyst to a consultation, or removes them (<paramref name="assign"/> false). Needs
/// <see cref="ConsultationPermission.ManageAnalysts"/>; the caller checks that the user is an analyst
/// (Identity lives in the host). Audited.
/// </summary>
public sealed class AssignAnalyst(CoProduceDbContext db, ConsultationAccess access, IAuditLog audit)
{
    public async Task<Result> HandleAsync(StaffActor actor, ConsultationId consultationId, StaffUserId analyst, bool assign, CancellationToken ct = default)
    {
        var authorised = await access.AuthorizeAsync(actor, consultationId, ConsultationPermission.ManageAnalysts, ct);
        if (authorised.IsFailure)
        {
            return Result.Failure(authorised.Errors);
        }

        var existing = await db.ConsultationAnalysts.FirstOrDefaultAsync(a => a.ConsultationId == consultationId && a.UserId == analyst, ct);
        if (assign == (existing is not null))
        {
            return Result.Success();
        }

        if (assign)
        {
            db.ConsultationAnalysts.Add(new ConsultationAnalyst(consultationId, analyst));
        }
        else
        {
            db.ConsultationAnalysts.Remove(existing!); // Not null: assign is false and they differ.
        }

        await audit.RecordAsync(actor, assign ? AuditActions.AnalystAssign : AuditActions.AnalystUnassign, AuditActions.SubjectConsultation, $"{consultationId}/{analyst}", ct);
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }
}
