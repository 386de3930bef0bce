using System.Globalization;
using CoProduce.Core.Consultations;
using CoProduce.Core.Workshops;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Staff.Workshops;

/// <summary>Create a workshop: bilingual title, purpose, ground rules and support information.</summary>
public sealed class CreateModel(ICurrentStaff staff, CreateWorkshop create, Text text) : PageModel
{
    public static readonly string[] BilingualFields = ["title", "purpose", "groundRules", "supportInformation"];

    public PageErrors Errors { get; } = new();

    public IFormCollection? Form { get; private set; }

    public IActionResult OnGet() => staff.Actor is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        Form = Request.Form;
        LocalizedText Pair(string field) => new(Form[field + "-en"].ToString(), Form[field + "-cy"].ToString());
        var scheduled = DateTimeOffset.TryParse($"{Form["date"]} {Form["time"]}", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : DateTimeOffset.UtcNow;
        var details = new WorkshopDetails(
            Pair("title"), Pair("purpose"),
            Enum.TryParse<CommissioningPhase>(Form["phase"], out var phase) ? phase : CommissioningPhase.Plan,
            Form["jurisdiction"] == "England" ? Jurisdiction.England : Jurisdiction.Wales,
            scheduled, Pair("groundRules"), Pair("supportInformation"),
            Form["admission"] == "true",
            Form["consultation"].ToString());
        var created = await create.HandleAsync(actor, details, cancellationToken);
        if (created.TryGetValue(out var workshop))
        {
            return Redirect($"{(text.IsWelsh ? "/cy" : "")}/staff/workshops/{workshop.Id}");
        }

        foreach (var error in created.Errors)
        {
            Errors.Add(FieldError.From(error, text, error.Path is { } path && BilingualFields.Contains(path) ? path + "-en" : error.Path));
        }

        return Page();
    }

    public string Value(string field) => Form?[field].ToString() ?? "";
}
