using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record SubmitConsultationForApprovalRequest(ConsultationId ConsultationId);

/// <summary>
/// Draft → awaiting approval, for a consultation that needs approval. Refused while the readiness
/// check fails. Whoever submits it cannot approve it (see <see cref="ConsultationAccess"/>).
/// </summary>
public sealed class SubmitConsultationForApproval(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, SubmitConsultationForApprovalRequest request, CancellationToken ct = default) =>
        changes.PublishAsync(actor, request.ConsultationId, ConsultationPermission.ManageLifecycle, AuthoringAuditActions.SubmitForApproval, (c, _) => c.SubmitForApproval(actor.UserId), ct);
}
