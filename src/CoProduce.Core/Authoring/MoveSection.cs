using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="NewIndex">0-based position among the authored sections.</param>
public sealed record MoveSectionRequest(ConsultationId ConsultationId, SectionId SectionId, int NewIndex);

/// <summary>
/// Moves a section. Refused when a condition would then point at a later question. Drafts only.
/// </summary>
public sealed class MoveSection(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, MoveSectionRequest request, CancellationToken ct = default) =>
        changes.EditQuestionnaireAsync(actor, request.ConsultationId, q => QuestionnaireEdits.MoveSection(q, request.SectionId, request.NewIndex), ct);
}
