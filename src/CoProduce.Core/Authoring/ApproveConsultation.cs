using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record ApproveConsultationRequest(ConsultationId ConsultationId);

/// <summary>
/// Awaiting approval → scheduled: an administrator, or a commissioner of the owning organisation
/// other than the one who submitted it. Refused while the readiness check fails.
/// </summary>
public sealed class ApproveConsultation(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, ApproveConsultationRequest request, CancellationToken ct = default) =>
        changes.PublishAsync(actor, request.ConsultationId, ConsultationPermission.Approve, AuthoringAuditActions.Approve, (c, now) => c.Approve(DateOnly.FromDateTime(now.UtcDateTime)), ct);
}
