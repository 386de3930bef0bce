using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Consultations;

/// <summary>The interruption before a content-warned section: continue, or skip the whole section.</summary>
public sealed class ContentWarningModel(GetDraft getDraft, SkipSection skip, Text text) : JourneyPageModel
{
    public Section Section { get; private set; } = null!; // Set by LoadAsync before the page renders.

    public bool ReturnToCheck { get; private set; }

    public PageErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string sectionId, string? @return, CancellationToken cancellationToken)
    {
        ReturnToCheck = @return == JourneyPages.ReturnToCheck;
        return await LoadAsync(sectionId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostSkipAsync(string sectionId, CancellationToken cancellationToken)
    {
        ReturnToCheck = Request.Form[SectionModel.ReturnField] == JourneyPages.ReturnToCheck;
        var problem = await LoadAsync(sectionId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var skipped = await skip.HandleAsync(DraftCookie.Read(HttpContext), Section.Id, cancellationToken);
        if (!skipped.TryGetValue(out var next))
        {
            if (DraftGone(skipped.Errors) is { } gone)
            {
                return gone;
            }

            foreach (var error in skipped.Errors)
            {
                Errors.Add(FieldError.From(error with { Path = null }, text));
            }

            return Page();
        }

        if (ReturnToCheck)
        {
            return RedirectToPage(JourneyPages.CheckAnswers);
        }

        return next is { } nextSection
            ? RedirectToPage(JourneyPages.Section, new { sectionId = nextSection.Value })
            : RedirectToPage(JourneyPages.AboutYou);
    }

    private async Task<IActionResult?> LoadAsync(string sectionId, CancellationToken cancellationToken)
    {
        var draft = await getDraft.HandleAsync(DraftCookie.Read(HttpContext), cancellationToken);
        if (!draft.TryGetValue(out var view))
        {
            return DraftGone(draft.Errors) ?? NotFound();
        }

        var section = view.Consultation.FindSection(new SectionId(sectionId));
        if (section?.ContentWarning is null)
        {
            return NotFound();
        }

        Section = section;
        JourneyFormat.SetTitle(ViewData, view.Consultation, text["Journey.Warning.Title"]);
        return null;
    }
}
