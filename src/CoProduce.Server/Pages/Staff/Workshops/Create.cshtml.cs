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
    public PageErrors Errors { get; } = new();

    public FormValues Values { get; private set; } = FormValues.Empty;

    public IActionResult OnGet() => staff.Actor is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        Values = FormValues.From(Request.Form);
        var created = await create.HandleAsync(actor, WorkshopForms.ReadDetails(Request.Form), cancellationToken);
        if (created.TryGetValue(out var workshop))
        {
            return Redirect($"{(text.IsWelsh ? "/cy" : "")}/staff/workshops/{workshop.Id}");
        }

        foreach (var error in created.Errors)
        {
            Errors.Add(FieldError.From(error, text, WorkshopForms.DetailsFieldId(error.Path)));
        }

        return Page();
    }
}
