using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Pages;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Authoring;

/// <summary>
/// Base of the authoring pages: signed-in staff only, no "Exit this page", the actor for the use
/// cases, and Core's refusals turned into the localised 404 and 403 pages.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public abstract class AuthoringPageModel(ICurrentStaff staff, Text text) : PageModel
{
    /// <summary>The signed-in staff member; the policy above guarantees one.</summary>
    protected StaffActor Actor => staff.Actor ?? throw new InvalidOperationException("A staff page ran without a signed-in staff member.");

    protected Text T => text;

    /// <summary>A localised message, for the form classes that check posted values.</summary>
    public string Localise(string key, params object?[] args) => text.Format(key, args);

    public PageErrors Errors { get; } = new();

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ViewData.MarkStaffPage();
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>The 404 or 403 page for an access refusal; null for any other error.</summary>
    protected IActionResult? Refusal(IReadOnlyList<Error> errors) => errors.FirstOrDefault()?.Code switch
    {
        ErrorCodes.NotFound or ErrorCodes.ConsultationNotFound or ErrorCodes.ResponseNotFound => NotFound(),
        ErrorCodes.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };

    /// <summary>Shows Core's errors, each at the form field <paramref name="fieldFor"/> names (or at none).</summary>
    protected void ShowErrors(IEnumerable<Error> errors, Func<Error, string?>? fieldFor = null)
    {
        foreach (var error in errors)
        {
            Errors.Add(FieldError.From(error, text) with { FieldId = fieldFor?.Invoke(error) });
        }
    }

    protected void AddError(string field, string key, params object?[] args) =>
        Errors.Add(new FieldError(field, text.Format(key, args)));
}
