using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record ReturnConsultationToDraftRequest(ConsultationId ConsultationId);

/// <summary>
/// Back to draft for changes: from awaiting approval, or from scheduled before it opens (an approval
/// is then withdrawn).
/// </summary>
public sealed class ReturnConsultationToDraft(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, ReturnConsultationToDraftRequest request, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, request.ConsultationId, ConsultationPermission.ManageLifecycle, AuthoringAuditActions.ReturnToDraft, (c, now) => c.ReturnToDraft(now), ct);
}
