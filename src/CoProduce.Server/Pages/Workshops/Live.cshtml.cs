using System.Text.Json;
using CoProduce.Core.Common;
using CoProduce.Core.Workshops;
using CoProduce.Server.Hubs;
using CoProduce.Server.Localisation;
using CoProduce.Server.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Workshops;

/// <summary>
/// The participant's live page. The server renders the room as it is (ground rules, support, what is
/// happening now); workshop.js then keeps it live over the hub. The break/support signal also works
/// as a plain form.
/// </summary>
public sealed class LiveModel(GetWorkshopView views, SignalFacilitator signal, WorkshopNotifier notifier, Text text) : PageModel
{
    public WorkshopView? View { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>Support information shown after a signal was sent (no JavaScript).</summary>
    public string? SupportShown { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostSignalAsync(string? kind, CancellationToken cancellationToken)
    {
        if (ParticipantCookie.Read(HttpContext) is { } token)
        {
            var chosen = kind == nameof(SupportSignal.NeedSupport) ? SupportSignal.NeedSupport : SupportSignal.NeedBreak;
            var sent = await signal.HandleAsync(token, chosen, cancellationToken);
            if (sent.TryGetValue(out var s))
            {
                await notifier.SupportAsync(s);
                SupportShown = s.SupportInformation.Current;
            }
        }

        await LoadAsync(cancellationToken);
    }

    /// <summary>
    /// The words workshop.js needs, in the page's language (a JSON data block, not script). Counted
    /// phrases come with every plural form the language has (<c>key.one</c>, <c>key.few</c>…).
    /// </summary>
    public string ClientStrings()
    {
        string[] keys =
        [
            "Workshop.Live.Connecting", "Workshop.Live.Reconnecting", "Workshop.Live.Connected", "Workshop.Live.Offline", "Workshop.Live.Paused", "Workshop.Live.PausedBody",
            "Workshop.Live.Waiting", "Workshop.Live.WaitingAdmission", "Workshop.Live.Ended", "Workshop.Live.Send", "Workshop.Live.Vote", "Workshop.Live.Saved",
            "Workshop.Live.YourIdea", "Workshop.Live.Ideas", "Workshop.Live.NoIdeas",
            "Workshop.Live.Position", "Workshop.Live.Propose", "Workshop.Live.ProposeOutcome", "Workshop.Live.ProposeIndicator", "Workshop.Live.ForOutcome",
            "Workshop.Live.Support", "Workshop.Live.Framework", "Workshop.Live.Proposals", "Workshop.Live.Theme", "Workshop.Live.ContentWarning",
            "Workshop.Live.ContinueActivity", "Workshop.Live.SkipActivity", "Workshop.Live.Skipped", "Workshop.Live.ResultsHidden", "Workshop.Live.TallyUpdated",
            "Workshop.Live.SignalSent", "Workshop.Live.Indicators", "Workshop.Live.YourComment", "Workshop.Live.SendComment", "Workshop.Live.CommentOn",
            // Closed messages come from whoever acted (e.g. a facilitator working in the other language): shown in this page's.
            ErrorCodes.ParticipantRemoved, ErrorCodes.WorkshopEnded,
        ];
        string[] plurals =
        [
            "Workshop.Live.Voters", "Workshop.Live.DotsLeft", "Workshop.Live.Comments",
            "Workshop.Tally.Poll", "Workshop.Tally.DotVoting", "Workshop.Tally.Ranking", "Workshop.Tally.OutcomeFramework",
        ];
        var forms = plurals.SelectMany(key => PluralRules.CategoriesFor(text.Culture).Select(category => key + "." + PluralRules.Suffix(category)));
        return JsonSerializer.Serialize(keys.Concat(forms).ToDictionary(k => k, k => text[k]));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (ParticipantCookie.Read(HttpContext) is not { } token)
        {
            ErrorMessage = text[ErrorCodes.ParticipantNotFound];
            return;
        }

        var view = await views.ForParticipantAsync(token, cancellationToken);
        if (view.TryGetValue(out var v))
        {
            View = v;
        }
        else
        {
            ErrorMessage = text[view.FirstError?.Code ?? ErrorCodes.ParticipantNotFound];
        }
    }
}
