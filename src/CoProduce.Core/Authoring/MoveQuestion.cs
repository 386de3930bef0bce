using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="NewIndex">0-based position in the target section.</param>
public sealed record MoveQuestionRequest(ConsultationId ConsultationId, QuestionId QuestionId, SectionId ToSectionId, int NewIndex);

/// <summary>
/// Moves a question within its section or to another one. Drafts only.
/// </summary>
public sealed class MoveQuestion(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, MoveQuestionRequest request, CancellationToken ct = default) =>
        changes.EditQuestionnaireAsync(actor, request.ConsultationId, q => QuestionnaireEdits.MoveQuestion(q, request.QuestionId, request.ToSectionId, request.NewIndex), ct);
}
