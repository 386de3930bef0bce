using CoProduce.Core.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Consultations;

public sealed class DetailsModel(GetConsultation get, TimeProvider time) : PageModel
{
    public Consultation Consultation { get; private set; } = null!; // Set by OnGetAsync before the page renders.

    public bool IsOpen { get; private set; }

    public ConsultationStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var found = await get.HandleAsync(reference, cancellationToken);
        if (!found.TryGetValue(out var consultation))
        {
            return NotFound();
        }

        Consultation = consultation;
        Status = consultation.StatusAt(time.GetUtcNow());
        IsOpen = consultation.IsAcceptingResponses(time.GetUtcNow());
        return Page();
    }
}
