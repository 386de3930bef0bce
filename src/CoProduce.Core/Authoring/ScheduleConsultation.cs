using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record ScheduleConsultationRequest(ConsultationId ConsultationId);

/// <summary>
/// Draft → scheduled (when no approval is needed); it then opens by itself at its opening time.
/// Refused while the readiness check fails.
/// </summary>
public sealed class ScheduleConsultation(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, ScheduleConsultationRequest request, CancellationToken ct = default) =>
        changes.PublishAsync(actor, request.ConsultationId, ConsultationPermission.ManageLifecycle, AuthoringAuditActions.Schedule, (c, now) => c.Schedule(now), ct);
}
