using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Consultations;

/// <summary>One section of the questionnaire per page; "save and come back later" from here.</summary>
public sealed class SectionModel(GetDraft getDraft, SaveSectionAnswers save, SaveForLater saveForLater, Text text) : JourneyPageModel
{
    public const string SectionField = "_section";
    public const string ReturnField = "_return";

    public DraftView Draft { get; private set; } = null!; // Set by LoadAsync before the page renders.

    public Section Section { get; private set; } = null!; // Likewise.

    public SectionForm Form { get; private set; } = null!; // Likewise.

    public PageErrors Errors { get; } = new();

    public bool ReturnToCheck { get; private set; }

    public bool ShowDiscardedNotice { get; private set; }

    public int Number { get; private set; }

    /// <summary>Set after "save and come back later": the page then shows the resume code, once.</summary>
    public SavedForLater? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string sectionId, string? @return, string? warning, string? notice, CancellationToken cancellationToken)
    {
        var problem = await LoadAsync(sectionId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ReturnToCheck = @return == JourneyPages.ReturnToCheck;
        ShowDiscardedNotice = notice == JourneyPages.NoticeDiscarded;
        if (Section.ContentWarning is not null && warning != "seen" && !Draft.HasAnswers(Section.Id) && Draft.IsAcceptingResponses)
        {
            return RedirectToPage(JourneyPages.ContentWarning, new { sectionId = Section.Id.Value, @return });
        }

        BuildForm(Section.Questions.ToDictionary(q => q.Id.Value, q => Draft.FormValues(q.Id)));
        if (!Draft.IsAcceptingResponses)
        {
            Errors.Add(FieldError.From(new Error(ErrorCodes.ConsultationClosed), text));
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(string sectionId, CancellationToken cancellationToken) =>
        SaveAsync(sectionId, later: false, cancellationToken);

    public Task<IActionResult> OnPostLaterAsync(string sectionId, CancellationToken cancellationToken) =>
        SaveAsync(sectionId, later: true, cancellationToken);

    // Saves first and reads the draft for display only when the page is shown again (errors, or the
    // resume code after "save and come back later"): the usual post-and-redirect reads it once.
    private async Task<IActionResult> SaveAsync(string sectionId, bool later, CancellationToken cancellationToken)
    {
        ReturnToCheck = Request.Form[ReturnField] == JourneyPages.ReturnToCheck;

        // The section is in the address; a hidden copy that disagrees means the form was tampered with
        // or is stale. Save nothing, keep what they typed, and say so.
        if (Request.Form[SectionField] != sectionId)
        {
            var problem = await LoadAsync(sectionId, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            BuildForm(SectionForm.ReadPosted(Section, Request.Form));
            Errors.Add(new FieldError(null, text["Journey.Error.FormChanged"]));
            return Page();
        }

        // Core reads only this section's questions from the posted values.
        var saved = await save.HandleAsync(new SaveSectionAnswersRequest(DraftCookie.Read(HttpContext), new SectionId(sectionId), SectionForm.ReadPosted(Request.Form)), cancellationToken);
        if (!saved.TryGetValue(out var result))
        {
            return await ShowAgainAsync(sectionId, saved.Errors, cancellationToken);
        }

        var notice = result.Notices.Count > 0 ? JourneyPages.NoticeDiscarded : null;
        if (later)
        {
            var code = await saveForLater.HandleAsync(DraftCookie.Read(HttpContext), cancellationToken);
            if (!code.TryGetValue(out var savedForLater))
            {
                return await ShowAgainAsync(sectionId, code.Errors, cancellationToken);
            }

            var problem = await LoadAsync(sectionId, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            BuildForm(SectionForm.ReadPosted(Section, Request.Form));
            Saved = savedForLater;
            ShowDiscardedNotice = notice is not null;
            return Page();
        }

        if (ReturnToCheck)
        {
            return RedirectToPage(JourneyPages.CheckAnswers, new { notice });
        }

        return result.NextSectionId is { } next
            ? RedirectToPage(JourneyPages.Section, new { sectionId = next.Value, notice })
            : RedirectToPage(JourneyPages.AboutYou, new { notice });
    }

    /// <summary>The page again with what they typed and the errors, or where to go when the draft is gone.</summary>
    private async Task<IActionResult> ShowAgainAsync(string sectionId, IReadOnlyList<Error> errors, CancellationToken cancellationToken)
    {
        if (DraftGone(errors) is { } gone)
        {
            return gone;
        }

        var problem = await LoadAsync(sectionId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        BuildForm(SectionForm.ReadPosted(Section, Request.Form));
        return ShowErrors(errors);
    }

    private IActionResult ShowErrors(IReadOnlyList<Error> errors)
    {
        if (DraftGone(errors) is { } gone)
        {
            return gone;
        }

        foreach (var error in errors)
        {
            var field = Section.Questions.Any(q => q.Id.Value == error.Path) ? error.Path : null;
            Errors.Add(FieldError.From(error, text, field) with { FieldId = field });
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string sectionId, CancellationToken cancellationToken)
    {
        var draft = await getDraft.HandleAsync(DraftCookie.Read(HttpContext), cancellationToken);
        if (!draft.TryGetValue(out var view))
        {
            return DraftGone(draft.Errors) ?? NotFound();
        }

        Draft = view;
        var sections = view.Sections;
        var index = sections.ToList().FindIndex(s => s.Id.Value == sectionId);
        if (index < 0)
        {
            return NotFound();
        }

        Section = sections[index];
        Number = index + 1;
        JourneyFormat.SetTitle(ViewData, view.Consultation, Section.Title.Current);
        return null;
    }

    private void BuildForm(IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        Form = new SectionForm(Section, Draft.IsVisible, values, Errors);
}
