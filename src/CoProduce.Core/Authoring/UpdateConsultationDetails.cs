using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="Details">The whole public content: title, summary, body, issuing body, neutral page
/// title, forms of violence, how to respond, contact, documents and data-protection notice.</param>
public sealed record UpdateConsultationDetailsRequest(ConsultationId ConsultationId, ConsultationDetails Details);

/// <summary>
/// Replaces the public content in both languages. Anything goes while a draft; once scheduled or
/// open only wording (typo fixes) — see <see cref="Consultation.UpdateDetails"/>. Missing texts are
/// accepted here and listed by the readiness check.
/// </summary>
public sealed class UpdateConsultationDetails(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, UpdateConsultationDetailsRequest request, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, request.ConsultationId, ConsultationPermission.Edit, AuthoringAuditActions.UpdateDetails, (c, now) => c.UpdateDetails(request.Details, now), ct);
}
