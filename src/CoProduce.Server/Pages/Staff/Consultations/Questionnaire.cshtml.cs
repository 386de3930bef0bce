using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>The questionnaire's sections and questions, with buttons to move and remove them (drafts).</summary>
public sealed class QuestionnaireModel(Text text, GetStaffConsultation get, IServiceProvider services) : AuthoringPageModel(text)
{
    public StaffConsultationView View { get; private set; } = null!; // Set before rendering.

    public Questionnaire Questionnaire => View.Consultation.Questionnaire;

    public bool CanChangeStructure => View.Can(ConsultationPermission.Edit) && View.EditScope == EditScope.Everything;

    public bool CanChangeWording => View.Can(ConsultationPermission.Edit) && View.EditScope != EditScope.Nothing;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostMoveSectionAsync(Guid id, string section, int to, CancellationToken ct) =>
        ChangeAsync(id, ct, () => services.GetRequiredService<MoveSection>().HandleAsync(Actor, new(new(id), new(section), to), ct));

    public Task<IActionResult> OnPostRemoveSectionAsync(Guid id, string section, CancellationToken ct) =>
        ChangeAsync(id, ct, () => services.GetRequiredService<RemoveSection>().HandleAsync(Actor, new(new(id), new(section)), ct));

    public Task<IActionResult> OnPostMoveQuestionAsync(Guid id, string question, string section, int to, CancellationToken ct) =>
        ChangeAsync(id, ct, () => services.GetRequiredService<MoveQuestion>().HandleAsync(Actor, new(new(id), new(question), new(section), to), ct));

    public Task<IActionResult> OnPostRemoveQuestionAsync(Guid id, string question, CancellationToken ct) =>
        ChangeAsync(id, ct, () => services.GetRequiredService<RemoveQuestion>().HandleAsync(Actor, new(new(id), new(question)), ct));

    public Task<IActionResult> OnPostEqualityAsync(Guid id, bool on, CancellationToken ct) =>
        ChangeAsync(id, ct, () => services.GetRequiredService<SetEqualityMonitoring>().HandleAsync(Actor, new(new(id), on), ct));

    /// <summary>Where "move up" takes a question: up in its section, or to the end of the one before.</summary>
    public (SectionId Section, int Index)? Up(int s, int q) =>
        q > 0 ? (Questionnaire.Sections[s].Id, q - 1)
        : s > 0 ? (Questionnaire.Sections[s - 1].Id, Questionnaire.Sections[s - 1].Questions.Count)
        : null;

    /// <summary>Where "move down" takes a question: down in its section, or to the start of the next one.</summary>
    public (SectionId Section, int Index)? Down(int s, int q) =>
        q < Questionnaire.Sections[s].Questions.Count - 1 ? (Questionnaire.Sections[s].Id, q + 1)
        : s < Questionnaire.Sections.Count - 1 ? (Questionnaire.Sections[s + 1].Id, 0)
        : null;

    private async Task<IActionResult> ChangeAsync(Guid id, CancellationToken ct, Func<Task<Result<Consultation>>> change)
    {
        var changed = await change();
        if (changed.IsSuccess)
        {
            return RedirectToPage(AuthoringPages.Questionnaire, new { id });
        }

        if (Refusal(changed.Errors) is { } refused)
        {
            return refused;
        }

        ShowErrors(changed.Errors);
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await get.HandleAsync(Actor, new ConsultationId(id), ct);
        if (found.IsFailure)
        {
            return Refusal(found.Errors) ?? NotFound();
        }

        View = found.Value;
        return null;
    }
}
