using CoProduce.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Journey;

/// <summary>What every page of a draft response shares: where to go when there is no draft any more.</summary>
public abstract class JourneyPageModel : PageModel
{
    /// <summary>
    /// A redirect to the "no saved answers here" page when the errors say the draft is gone (no
    /// cookie, exited, expired) or already sent; null for any other error.
    /// </summary>
    protected IActionResult? DraftGone(IReadOnlyList<Error> errors)
    {
        if (errors.Any(e => e.Code == ErrorCodes.ResponseAlreadySubmitted))
        {
            return RedirectToPage(JourneyPages.NoDraft, new { reason = "submitted" });
        }

        return errors.Any(e => e.Code == ErrorCodes.DraftNotFound)
            ? RedirectToPage(JourneyPages.NoDraft)
            : null;
    }
}
