using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record CloseConsultationEarlyRequest(ConsultationId ConsultationId);

/// <summary>
/// Closes an open consultation now. Drafts in progress expire with it (the lifecycle sweep deletes them).
/// </summary>
public sealed class CloseConsultationEarly(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, CloseConsultationEarlyRequest request, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, request.ConsultationId, ConsultationPermission.ManageLifecycle, AuthoringAuditActions.CloseEarly, (c, now) => c.CloseEarly(now), ct);
}
