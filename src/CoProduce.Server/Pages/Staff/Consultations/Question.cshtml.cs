using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>Adds a question of any type to a section, or edits one.</summary>
public sealed class QuestionModel(Text text, GetStaffConsultation get, AddQuestion add, UpdateQuestion update) : AuthoringPageModel(text)
{
    public StaffConsultationView View { get; private set; } = null!; // Set before rendering.

    public Question? Existing { get; private set; }

    public Section Section { get; private set; } = null!; // Set before rendering.

    /// <summary>Questions before this one, which a condition may depend on.</summary>
    public IReadOnlyList<Question> Earlier { get; private set; } = [];

    [BindProperty]
    public QuestionForm Form { get; set; } = new();

    public bool TextsOnly => View.EditScope == EditScope.TextsOnly;

    public async Task<IActionResult> OnGetAsync(Guid id, string? question, string? section, string? type, CancellationToken ct)
    {
        if (await LoadAsync(id, question, section, ct) is { } refusal)
        {
            return refusal;
        }

        if (Existing is { } q)
        {
            Form = QuestionForm.From(q, blankOptions: !TextsOnly);
        }
        else if (Enum.TryParse<QuestionType>(type, out var t) && Enum.IsDefined(t))
        {
            Form = QuestionForm.New(t);
        }
        else
        {
            return RedirectToPage(AuthoringPages.Questionnaire, new { id });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? question, string? section, CancellationToken ct)
    {
        if (await LoadAsync(id, question, section, ct) is { } refusal)
        {
            return refusal;
        }

        var read = Form.Read(this);
        if (read is null)
        {
            return Page();
        }

        var consultationId = new ConsultationId(id);
        var result = Existing is { } q
            ? await update.HandleAsync(Actor, new UpdateQuestionRequest(consultationId, q.Id, read), ct)
            : await add.HandleAsync(Actor, new AddQuestionRequest(consultationId, Section.Id, read), ct);
        if (result.IsSuccess)
        {
            return RedirectToPage(AuthoringPages.Questionnaire, null, new { id }, $"section-{Section.Id.Value}");
        }

        if (Refusal(result.Errors) is { } refused)
        {
            return refused;
        }

        ShowErrors(result.Errors, QuestionForm.FieldFor);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string? question, string? section, CancellationToken ct)
    {
        var found = await get.HandleAsync(Actor, new ConsultationId(id), ct);
        if (found.IsFailure)
        {
            return Refusal(found.Errors) ?? NotFound();
        }

        View = found.Value;
        if (!View.Can(ConsultationPermission.Edit))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var questionnaire = View.Consultation.Questionnaire;
        if (question is not null)
        {
            if (QuestionnaireEdits.Find(questionnaire, new QuestionId(question)) is not var (s, q))
            {
                return NotFound();
            }

            Section = questionnaire.Sections[s];
            Existing = Section.Questions[q];
            Earlier = [.. questionnaire.Sections.Take(s).SelectMany(x => x.Questions), .. Section.Questions.Take(q)];
        }
        else
        {
            var target = questionnaire.Sections.FirstOrDefault(x => x.Id.Value == section);
            if (target is null)
            {
                return NotFound();
            }

            Section = target;
            Earlier = questionnaire.Sections.TakeWhile(x => x != target).SelectMany(x => x.Questions).Concat(target.Questions).ToArray();
        }

        return null;
    }
}
