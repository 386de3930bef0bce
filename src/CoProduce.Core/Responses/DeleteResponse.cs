using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

public sealed record DeleteResponseRequest(ConsultationId ConsultationId, ResponseId ResponseId);

/// <summary>
/// Deletes a response for good, on a data-subject request (erasure). The audit log records who
/// deleted which response id — nothing of its content.
/// </summary>
public sealed class DeleteResponse(CoProduceDbContext db, ConsultationAccess access, IAuditLog audit, ResponseNotifier notifier)
{
    public async Task<Result> HandleAsync(StaffActor actor, DeleteResponseRequest request, CancellationToken ct = default)
    {
        var found = await access.AuthorizeAsync(actor, request.ConsultationId, ConsultationPermission.DeleteResponses, ct);
        if (found.IsFailure)
        {
            return Result.Failure(found.Errors);
        }

        var response = await db.Responses.SingleOrDefaultAsync(r => r.Id == request.ResponseId && r.ConsultationId == request.ConsultationId, ct);
        if (response is null)
        {
            return new Error(ErrorCodes.ResponseNotFound);
        }

        db.Responses.Remove(response);
        await audit.RecordAsync(actor, AuthoringAuditActions.DeleteResponse, AuthoringAuditActions.SubjectResponse, response.Id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        notifier.Changed(request.ConsultationId);
        return Result.Success();
    }
}
