using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Server.Authoring;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>
/// The consultation as a respondent sees it, in the page's language, drawn with the respondent
/// pages' own partials. Read-only: there is no form to send and no draft is created.
/// </summary>
public sealed class PreviewModel(Text text, GetStaffConsultation get) : AuthoringPageModel(text)
{
    public Consultation Consultation { get; private set; } = null!; // Set before rendering.

    /// <summary>Each section laid out as its page would be, every question shown.</summary>
    public IReadOnlyList<SectionForm> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await get.HandleAsync(Actor, new ConsultationId(id), ct);
        if (found.IsFailure)
        {
            return Refusal(found.Errors) ?? NotFound();
        }

        Consultation = found.Value.Consultation;
        var empty = new Dictionary<string, IReadOnlyList<string>>();
        Sections = Consultation.Sections.Select(s => new SectionForm(s, _ => true, empty, new PageErrors())).ToArray();
        return Page();
    }
}
