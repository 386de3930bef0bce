using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="NewClosesAt">The new closing time (an instant; pages convert from UK local time).</param>
public sealed record ReopenConsultationRequest(ConsultationId ConsultationId, DateTimeOffset NewClosesAt);

/// <summary>
/// Reopens a closed consultation until a new closing time (later than now).
/// </summary>
public sealed class ReopenConsultation(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, ReopenConsultationRequest request, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, request.ConsultationId, ConsultationPermission.ManageLifecycle, AuthoringAuditActions.Reopen, (c, now) => c.Reopen(request.NewClosesAt, now), ct);
}
