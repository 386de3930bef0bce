using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record UpdateQuestionRequest(ConsultationId ConsultationId, QuestionId QuestionId, Question Question);

/// <summary>
/// Replaces a question (text, hint, type, options, limits, condition, required and why). Once
/// scheduled only its wording may change, so answers already given keep their meaning.
/// </summary>
public sealed class UpdateQuestion(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, UpdateQuestionRequest request, CancellationToken ct = default) =>
        changes.EditQuestionnaireAsync(actor, request.ConsultationId, q => QuestionnaireEdits.UpdateQuestion(q, request.QuestionId, request.Question), ct);
}
