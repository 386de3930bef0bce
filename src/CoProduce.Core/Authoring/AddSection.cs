using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="Index">0-based position among the authored sections; at the end when null.</param>
public sealed record AddSectionRequest(ConsultationId ConsultationId, Section Section, int? Index = null);

/// <summary>
/// Adds a section (possibly empty while it is being built; the readiness check wants a question in
/// it). Drafts only.
/// </summary>
public sealed class AddSection(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, AddSectionRequest request, CancellationToken ct = default) =>
        changes.EditQuestionnaireAsync(actor, request.ConsultationId, q => QuestionnaireEdits.AddSection(q, request.Section, request.Index), ct);
}
