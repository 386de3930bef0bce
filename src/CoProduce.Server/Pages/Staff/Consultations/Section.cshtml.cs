using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>Adds a section, or edits a section's title, introduction and content warning.</summary>
public sealed class SectionModel(Text text, GetStaffConsultation get, AddSection add, UpdateSection update) : AuthoringPageModel(text)
{
    public StaffConsultationView View { get; private set; } = null!; // Set before rendering.

    public Section? Existing { get; private set; }

    [BindProperty]
    public string? SectionId { get; set; }

    [BindProperty]
    public BilingualInput Title { get; set; } = new();

    [BindProperty]
    public BilingualInput Intro { get; set; } = new();

    [BindProperty]
    public BilingualInput ContentWarning { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? section, CancellationToken ct)
    {
        if (await LoadAsync(id, section, ct) is { } refusal)
        {
            return refusal;
        }

        if (Existing is { } s)
        {
            SectionId = s.Id.Value;
            Title = BilingualInput.From(s.Title);
            Intro = BilingualInput.From(s.Intro);
            ContentWarning = BilingualInput.From(s.ContentWarning);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? section, CancellationToken ct)
    {
        if (await LoadAsync(id, section, ct) is { } refusal)
        {
            return refusal;
        }

        var consultationId = new ConsultationId(id);
        var result = Existing is { } s
            ? await update.HandleAsync(Actor, new UpdateSectionRequest(consultationId, s.Id, new SectionText(Title.ToText(), Intro.ToOptional(), ContentWarning.ToOptional())), ct)
            : await add.HandleAsync(Actor, new AddSectionRequest(consultationId, new Section
            {
                Id = new((SectionId ?? "").Trim()),
                Title = Title.ToText(),
                Intro = Intro.ToOptional(),
                ContentWarning = ContentWarning.ToOptional(),
            }), ct);
        if (result.IsSuccess)
        {
            return RedirectToPage(AuthoringPages.Questionnaire, null, new { id }, $"section-{(Existing?.Id.Value ?? SectionId)?.Trim()}");
        }

        if (Refusal(result.Errors) is { } refused)
        {
            return refused;
        }

        ShowErrors(result.Errors, e => e.Path?.EndsWith(".id", StringComparison.Ordinal) == true ? "SectionId" : null);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string? section, CancellationToken ct)
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

        if (section is not null)
        {
            Existing = View.Consultation.Questionnaire.Sections.FirstOrDefault(s => s.Id.Value == section);
            if (Existing is null)
            {
                return NotFound();
            }
        }

        return null;
    }
}
