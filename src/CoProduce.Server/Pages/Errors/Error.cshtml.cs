using CoProduce.Server.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Pages.Errors;

/// <summary>
/// The friendly, localised page for every error status (re-executed by the status-code pages and the
/// exception handler). It keeps the failed request's status code and never shows exception details.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IOptions<CodeLookupRateLimitOptions> rateLimits) : PageModel
{
    public int Code { get; private set; }

    public int RetryMinutes { get; private set; }

    // Re-execution keeps the original method, so one handler serves GET, POST and the rest.
    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        RetryMinutes = Math.Max(1, (int)Math.Ceiling(rateLimits.Value.Window.TotalMinutes));
        Response.StatusCode = Code;
    }
}
