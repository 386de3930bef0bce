using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="Index">0-based position in the section; at the end when null.</param>
public sealed record AddQuestionRequest(ConsultationId ConsultationId, SectionId SectionId, Question Question, int? Index = null);

/// <summary>
/// Adds a question of any type to a section, checked as a definition file is (options, limits,
/// conditions on earlier questions). Drafts only.
/// </summary>
public sealed class AddQuestion(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, AddQuestionRequest request, CancellationToken ct = default) =>
        changes.EditQuestionnaireAsync(actor, request.ConsultationId, q => QuestionnaireEdits.AddQuestion(q, request.SectionId, request.Question, request.Index), ct);
}
