using CoProduce.Core.Common;
using CoProduce.Core.Responses;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Consultations;

/// <summary>Check your answers, then send. The confirmation with the receipt code is the POST's own response, shown once.</summary>
public sealed class CheckAnswersModel(GetDraft getDraft, SubmitResponse submit, Text text) : JourneyPageModel
{
    public DraftView Draft { get; private set; } = null!; // Set by LoadAsync before the page renders.

    public PageErrors Errors { get; } = new();

    public bool ShowDiscardedNotice { get; private set; }

    /// <summary>Set once the response is sent: the page shows the receipt code instead.</summary>
    public SubmittedResponse? Submitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        var problem = await LoadAsync(cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ShowDiscardedNotice = notice == JourneyPages.NoticeDiscarded;
        if (!Draft.IsAcceptingResponses)
        {
            Errors.Add(FieldError.From(new Error(ErrorCodes.ConsultationClosed), text));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var sent = await submit.HandleAsync(DraftCookie.Read(HttpContext), cancellationToken);
        if (sent.TryGetValue(out var response))
        {
            Submitted = response;
            ViewData.SetTitle(text["Journey.Confirmation.Title"]);
            ViewData.MarkRespondentPage();
            return Page();
        }

        if (DraftGone(sent.Errors) is { } gone)
        {
            return gone;
        }

        var problem = await LoadAsync(cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        foreach (var error in sent.Errors)
        {
            // A required question left unanswered links to its section.
            var field = error.Code == ErrorCodes.AnswerRequired ? "answer-" + error.Path : null;
            Errors.Add(FieldError.From(error, text, field) with { FieldId = field });
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var draft = await getDraft.HandleAsync(DraftCookie.Read(HttpContext), cancellationToken);
        if (!draft.TryGetValue(out var view))
        {
            return DraftGone(draft.Errors) ?? NotFound();
        }

        Draft = view;
        JourneyFormat.SetTitle(ViewData, view.Consultation, text["Journey.Check.Title"]);
        return null;
    }
}
