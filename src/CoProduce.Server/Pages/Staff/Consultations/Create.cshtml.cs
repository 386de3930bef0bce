using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

public sealed class CreateModel(Text text, CreateConsultation create, TimeProvider time) : AuthoringPageModel(text)
{
    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    public void OnGet()
    {
        var now = time.GetUtcNow();
        Form = SettingsForm.Defaults(now);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Form.TryRead(this, out var settings))
        {
            return Page();
        }

        var created = await create.HandleAsync(Actor, new CreateConsultationRequest(
            settings.Reference, Form.Title.ToText(), settings.Jurisdiction, settings.Audience, settings.Phase, settings.IssuedOn, settings.OpensAt, settings.ClosesAt, settings.RequiresApproval), ct);
        if (created.IsFailure)
        {
            if (Refusal(created.Errors) is { } refusal)
            {
                return refusal;
            }

            ShowErrors(created.Errors, SettingsForm.FieldFor);
            return Page();
        }

        return RedirectToPage(AuthoringPages.Overview, new { id = created.Value.Id.Value });
    }
}
