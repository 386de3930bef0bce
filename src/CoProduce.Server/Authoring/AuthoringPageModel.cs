using CoProduce.Core.Common;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Authoring;

/// <summary>
/// Base of the authoring pages: a staff page (signed-in staff only, the staff layout without "Exit
/// this page", the actor for the use cases) that also turns "no such response" into the 404 page and
/// shows Core's errors at the form fields they belong to.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public abstract class AuthoringPageModel(Text text) : StaffPageModel(text)
{
    protected Text T => Text;

    /// <summary>A localised message, for the form classes that check posted values.</summary>
    public string Localise(string key, params object?[] args) => Text.Format(key, args);

    /// <summary>The 404 or 403 page for an access refusal or a missing object; null for any other error.</summary>
    protected new IActionResult? Refusal(IReadOnlyList<Error> errors) => errors.FirstOrDefault()?.Code switch
    {
        ErrorCodes.ConsultationNotFound or ErrorCodes.ResponseNotFound => NotFound(),
        _ => base.Refusal(errors),
    };

    /// <summary>Shows Core's errors, each at the form field <paramref name="fieldFor"/> names (or at none).</summary>
    protected void ShowErrors(IEnumerable<Error> errors, Func<Error, string?>? fieldFor = null)
    {
        foreach (var error in errors)
        {
            Errors.Add(FieldError.From(error, Text) with { FieldId = fieldFor?.Invoke(error) });
        }
    }

    protected void AddError(string field, string key, params object?[] args) =>
        Errors.Add(new FieldError(field, Text.Format(key, args)));
}
