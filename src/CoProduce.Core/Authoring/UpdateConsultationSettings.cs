using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="Settings">Every setting; the reference is normalised (upper case) here.</param>
public sealed record UpdateConsultationSettingsRequest(ConsultationId ConsultationId, ConsultationSettings Settings);

/// <summary>
/// Changes the reference, dates, audience, jurisdiction, phase and whether approval is needed.
/// Drafts only; once scheduled the closing date moves through the lifecycle actions instead.
/// </summary>
public sealed class UpdateConsultationSettings(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, UpdateConsultationSettingsRequest request, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, request.ConsultationId, ConsultationPermission.Edit, AuthoringAuditActions.UpdateSettings, async (c, now) =>
        {
            var reference = ConsultationReference.Normalise(request.Settings.Reference);
            if (reference is null)
            {
                return new Error(ErrorCodes.ImportInvalidReference, "reference", [request.Settings.Reference ?? ""]);
            }

            if (await changes.ReferenceTakenAsync(reference, c.Id, ct))
            {
                return new Error(ErrorCodes.ImportDuplicateReference, "reference", [reference]);
            }

            return c.UpdateSettings(request.Settings with { Reference = reference }, now);
        }, ct);
}
