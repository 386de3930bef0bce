using CoProduce.Core.Responses;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Consultations;

/// <summary>"How we can use your response": anonymous or as an organisation, quoting, publication.</summary>
public sealed class AboutYouModel(GetDraft getDraft, SetRespondentChoices setChoices, Text text) : JourneyPageModel
{
    public const string RespondingAsField = "responding-as";
    public const string OrganisationNameField = "organisation-name";
    public const string MayQuoteField = "may-quote";
    public const string DoNotPublishField = "do-not-publish";

    public DraftView Draft { get; private set; } = null!; // Set by LoadAsync before the page renders.

    public string RespondingAs { get; private set; } = "";

    public string OrganisationName { get; private set; } = "";

    public bool MayQuote { get; private set; }

    public bool DoNotPublish { get; private set; }

    public bool ShowDiscardedNotice { get; private set; }

    public PageErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        var problem = await LoadAsync(cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ShowDiscardedNotice = notice == JourneyPages.NoticeDiscarded;
        var choices = Draft.Choices;
        RespondingAs = choices.RespondingAs == Core.Responses.RespondingAs.Organisation ? "organisation" : "anonymous";
        OrganisationName = choices.OrganisationName ?? "";
        MayQuote = choices.MayQuote;
        DoNotPublish = choices.DoNotPublishNameOrAddress;
        return Page();
    }

    // Saves first and reads the draft for display only when the page is shown again with errors: the
    // usual post-and-redirect reads it once.
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        RespondingAs = Request.Form[RespondingAsField].ToString();
        OrganisationName = Request.Form[OrganisationNameField].ToString();
        MayQuote = Request.Form[MayQuoteField] == "yes";
        DoNotPublish = Request.Form[DoNotPublishField] == "yes";
        Core.Responses.RespondingAs? respondingAs = RespondingAs switch
        {
            "anonymous" or "" => Core.Responses.RespondingAs.Anonymous,
            "organisation" => Core.Responses.RespondingAs.Organisation,
            _ => null,
        };
        if (respondingAs is null)
        {
            var problem = await LoadAsync(cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            Errors.Add(new FieldError(RespondingAsField, text["Journey.AboutYou.InvalidChoice"]));
            return Page();
        }

        var choices = new RespondentChoices
        {
            RespondingAs = respondingAs.Value,
            OrganisationName = OrganisationName,
            MayQuote = MayQuote,
            DoNotPublishNameOrAddress = DoNotPublish,
        };
        var saved = await setChoices.HandleAsync(DraftCookie.Read(HttpContext), choices, cancellationToken);
        if (saved.IsFailure)
        {
            if (DraftGone(saved.Errors) is { } gone)
            {
                return gone;
            }

            var problem = await LoadAsync(cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            foreach (var error in saved.Errors)
            {
                Errors.Add(FieldError.From(error, text, error.Path == nameof(RespondentChoices.OrganisationName) ? OrganisationNameField : null) with
                {
                    FieldId = error.Path == nameof(RespondentChoices.OrganisationName) ? OrganisationNameField : null,
                });
            }

            return Page();
        }

        return RedirectToPage(JourneyPages.CheckAnswers);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var draft = await getDraft.HandleAsync(DraftCookie.Read(HttpContext), cancellationToken);
        if (!draft.TryGetValue(out var view))
        {
            return DraftGone(draft.Errors) ?? NotFound();
        }

        Draft = view;
        JourneyFormat.SetTitle(ViewData, view.Consultation, text["Journey.AboutYou.Title"]);
        return null;
    }
}
