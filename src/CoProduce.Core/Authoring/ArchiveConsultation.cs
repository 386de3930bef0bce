using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record ArchiveConsultationRequest(ConsultationId ConsultationId);

/// <summary>
/// Archives a finished consultation (closed, analysing or with findings published).
/// </summary>
public sealed class ArchiveConsultation(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, ArchiveConsultationRequest request, CancellationToken ct = default) =>
        changes.ApplyAsync(actor, request.ConsultationId, ConsultationPermission.ManageLifecycle, AuthoringAuditActions.Archive, (c, now) => c.Archive(now), ct);
}
