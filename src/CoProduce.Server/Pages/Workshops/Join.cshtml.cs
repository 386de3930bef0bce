using CoProduce.Core.Workshops;
using CoProduce.Server.Hubs;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CoProduce.Server.Pages.Workshops;

/// <summary>Join a live workshop with the code the facilitator shows: no account, an optional name.</summary>
[EnableRateLimiting(RateLimitPolicies.CodeLookup)]
public sealed class JoinModel(JoinWorkshop join, WorkshopNotifier notifier, Text text) : PageModel
{
    public const string CodeField = "code";
    public const string PseudonymField = "pseudonym";
    public const string LanguageField = "language";

    public string Code { get; private set; } = "";

    public string Pseudonym { get; private set; } = "";

    public string Language { get; private set; } = "en";

    public PageErrors Errors { get; } = new();

    public void OnGet(string? code)
    {
        // The QR code carries the join code in the address, so scanning it fills the form in.
        Code = JoinCode.Parse(code)?.Display ?? "";
        Language = text.LanguageTag;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Code = Limit(Request.Form[CodeField].ToString(), 40);
        Pseudonym = Limit(Request.Form[PseudonymField].ToString(), 200);
        Language = Request.Form[LanguageField].ToString() == "cy" ? "cy" : "en";
        var joined = await join.HandleAsync(new JoinRequest(Code, Pseudonym, Language), cancellationToken);
        if (joined.TryGetValue(out var seat))
        {
            ParticipantCookie.Write(HttpContext, seat.SessionToken);
            // Facilitators see who is in the room or waiting to be let in; the room itself is not told.
            await notifier.RoomChangedAsync(seat.WorkshopId, participantsToo: false);
            return Redirect(Language == "cy" ? "/cy/workshop/live" : "/workshop/live");
        }

        foreach (var error in joined.Errors)
        {
            Errors.Add(FieldError.From(error, text, error.Path == "pseudonym" ? PseudonymField : CodeField));
        }

        return Page();
    }

    private static string Limit(string value, int max) => value.Length > max ? value[..max] : value;
}
