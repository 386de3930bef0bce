using CoProduce.Core.Common;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Staff;

/// <summary>One text input on a staff form (rendered by <c>Pages/Staff/_Field.cshtml</c>).</summary>
public sealed record StaffField(string Id, string Label, string? Value, string? Error, string Type = "text", string? Autocomplete = null, string? Hint = null, string Width = "govuk-!-width-two-thirds");

/// <summary>Base for staff pages: the actor, errors from Core results, and the localised text.</summary>
public abstract class StaffPageModel(Text text) : PageModel
{
    public PageErrors Errors { get; } = new();

    protected Text Text => text;

    /// <summary>The signed-in staff member (the folder's policy guarantees one).</summary>
    public Core.Staff.StaffActor Actor => StaffClaims.ToActor(User) ?? throw new InvalidOperationException("A staff page ran without a signed-in staff member.");

    protected void AddErrors(IEnumerable<Error> errors, Func<Error, string?>? field = null)
    {
        foreach (var error in errors)
        {
            Errors.Add(FieldError.From(error, text, field?.Invoke(error) ?? error.Path));
        }
    }

    /// <summary>For a refusal from <c>ConsultationAccess</c> or an account use case: the status page, not a form error.</summary>
    protected IActionResult? Refusal(IReadOnlyList<Error> errors) => errors.FirstOrDefault()?.Code switch
    {
        ErrorCodes.NotFound => NotFound(),
        ErrorCodes.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };
}

/// <summary>Staff whose password was reset by an administrator must change it before anything else.</summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    public const string ChangePasswordPage = "/Staff/Account/ChangePassword";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.HasClaim(StaffClaims.MustChangePassword, "true")
            && page is not ChangePasswordPage and not "/Staff/SignOut" and not "/Staff/SignIn")
        {
            context.Result = new RedirectToPageResult(ChangePasswordPage);
            return;
        }

        await next();
    }
}
