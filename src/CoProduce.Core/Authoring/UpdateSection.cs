using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record UpdateSectionRequest(ConsultationId ConsultationId, SectionId SectionId, SectionText Text);

/// <summary>
/// Changes a section's title, introduction and content warning (a warning lets respondents skip the
/// section). Wording only once scheduled; adding or removing a warning is a draft-only change.
/// </summary>
public sealed class UpdateSection(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, UpdateSectionRequest request, CancellationToken ct = default) =>
        changes.EditQuestionnaireAsync(actor, request.ConsultationId, q => QuestionnaireEdits.UpdateSection(q, request.SectionId, request.Text), ct);
}
