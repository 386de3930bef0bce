using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record OpenConsultationNowRequest(ConsultationId ConsultationId);

/// <summary>
/// Opens a scheduled consultation (or a draft needing no approval) now. Refused while the readiness
/// check fails.
/// </summary>
public sealed class OpenConsultationNow(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, OpenConsultationNowRequest request, CancellationToken ct = default) =>
        changes.PublishAsync(actor, request.ConsultationId, ConsultationPermission.ManageLifecycle, AuthoringAuditActions.Open, (c, now) => c.OpenNow(now), ct);
}
