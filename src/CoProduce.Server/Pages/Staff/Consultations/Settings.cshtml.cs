using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

public sealed class SettingsModel(Text text, GetStaffConsultation get, UpdateConsultationSettings update) : AuthoringPageModel(text)
{
    public Consultation Consultation { get; private set; } = null!; // Set before rendering.

    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Form = SettingsForm.From(Consultation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        if (!Form.TryRead(this, out var settings))
        {
            return Page();
        }

        var updated = await update.HandleAsync(Actor, new UpdateConsultationSettingsRequest(Consultation.Id, settings), ct);
        if (updated.IsFailure)
        {
            if (Refusal(updated.Errors) is { } refused)
            {
                return refused;
            }

            ShowErrors(updated.Errors, SettingsForm.FieldFor);
            return Page();
        }

        return RedirectToPage(AuthoringPages.Overview, new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await get.HandleAsync(Actor, new ConsultationId(id), ct);
        if (found.IsFailure)
        {
            return Refusal(found.Errors) ?? NotFound();
        }

        if (!found.Value.Can(ConsultationPermission.Edit))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Consultation = found.Value.Consultation;
        return null;
    }
}
