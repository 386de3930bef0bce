using CoProduce.Core.Responses;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CoProduce.Server.Pages.Consultations;

/// <summary>Withdraw a response with its receipt code: the response is deleted.</summary>
[EnableRateLimiting(RateLimitPolicies.CodeLookup)]
public sealed class WithdrawModel(WithdrawResponse withdraw, Text text) : PageModel
{
    public const string CodeField = "receipt-code";

    public string Code { get; private set; } = "";

    public PageErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Code = Request.Form[CodeField].ToString();
        if (Code.Length > 100)
        {
            Code = Code[..100];
        }

        var withdrawn = await withdraw.HandleAsync(Code, cancellationToken);
        if (withdrawn.IsSuccess)
        {
            return RedirectToPage(JourneyPages.Withdrawn);
        }

        foreach (var error in withdrawn.Errors)
        {
            Errors.Add(FieldError.From(error, text, CodeField) with { FieldId = CodeField });
        }

        return Page();
    }
}
