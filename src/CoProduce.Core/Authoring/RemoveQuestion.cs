using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record RemoveQuestionRequest(ConsultationId ConsultationId, QuestionId QuestionId);

/// <summary>
/// Removes a question, unless another question's condition depends on it. Drafts only: once a
/// consultation is scheduled no question is removed, so no answer loses its question.
/// </summary>
public sealed class RemoveQuestion(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, RemoveQuestionRequest request, CancellationToken ct = default) =>
        changes.EditQuestionnaireAsync(actor, request.ConsultationId, q => QuestionnaireEdits.RemoveQuestion(q, request.QuestionId), ct);
}
