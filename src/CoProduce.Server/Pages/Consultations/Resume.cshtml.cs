using CoProduce.Core.Responses;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CoProduce.Server.Pages.Consultations;

/// <summary>"Continue a saved response": a resume code gives this browser a fresh draft session.</summary>
[EnableRateLimiting(RateLimitPolicies.CodeLookup)]
public sealed class ResumeModel(ResumeDraft resume, Text text) : PageModel
{
    public const string CodeField = "resume-code";

    public string Code { get; private set; } = "";

    public PageErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // What they typed is shown again on error; it is never logged or stored.
        Code = Request.Form[CodeField].ToString();
        if (Code.Length > 100)
        {
            Code = Code[..100];
        }

        var resumed = await resume.HandleAsync(Code, cancellationToken);
        if (resumed.TryGetValue(out var draft))
        {
            DraftCookie.Write(HttpContext, draft.SessionToken);
            return RedirectToPage(JourneyPages.CheckAnswers);
        }

        foreach (var error in resumed.Errors)
        {
            Errors.Add(FieldError.From(error, text, CodeField) with { FieldId = CodeField });
        }

        return Page();
    }
}
