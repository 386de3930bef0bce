using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record RemoveSectionRequest(ConsultationId ConsultationId, SectionId SectionId);

/// <summary>
/// Removes a section and its questions, unless another question's condition depends on one of
/// them. Drafts only: nothing is ever removed once a consultation may have answers.
/// </summary>
public sealed class RemoveSection(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, RemoveSectionRequest request, CancellationToken ct = default) =>
        changes.EditQuestionnaireAsync(actor, request.ConsultationId, q => QuestionnaireEdits.RemoveSection(q, request.SectionId), ct);
}
