using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>Every text of a consultation, English and Welsh side by side.</summary>
public sealed class ContentModel(Text text, GetStaffConsultation get, UpdateConsultationDetails update, ListFormsOfViolence forms) : AuthoringPageModel(text)
{
    public StaffConsultationView View { get; private set; } = null!; // Set before rendering.

    public IReadOnlyList<FormOfViolence> FormsOfViolence { get; private set; } = [];

    [BindProperty]
    public ContentForm Form { get; set; } = new();

    public bool TextsOnly => View.EditScope == EditScope.TextsOnly;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Form = ContentForm.From(View.Consultation.Details, blankDocument: !TextsOnly);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var details = Form.Read(this);
        if (details is null)
        {
            return Page();
        }

        var updated = await update.HandleAsync(Actor, new UpdateConsultationDetailsRequest(View.Consultation.Id, details), ct);
        if (updated.IsFailure)
        {
            if (Refusal(updated.Errors) is { } refused)
            {
                return refused;
            }

            ShowErrors(updated.Errors);
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

        View = found.Value;
        FormsOfViolence = await forms.HandleAsync(View.Consultation.Jurisdiction, ct);
        return null;
    }
}
