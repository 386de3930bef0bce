using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="NewClosesAt">The new closing time (an instant; pages convert from UK local time).</param>
public sealed record ExtendConsultationClosingDateRequest(ConsultationId ConsultationId, DateTimeOffset NewClosesAt);

/// <summary>
/// Moves the closing time of a scheduled or open consultation later. Respondents keep their drafts:
/// drafts and resume codes live until the consultation closes, so they follow the new date.
/// </summary>
public sealed class ExtendConsultationClosingDate(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, ExtendConsultationClosingDateRequest request, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, request.ConsultationId, ConsultationPermission.ManageLifecycle, AuthoringAuditActions.ExtendClosingDate, (c, now) => c.ExtendClosingDate(request.NewClosesAt, now), ct);
}
