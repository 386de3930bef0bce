using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>The responses of a consultation, newest first, a page at a time, with the counts.</summary>
public sealed class ResponsesModel(Text text, GetStaffConsultation get, ListResponses list, CountResponses count) : AuthoringPageModel(text)
{
    public const int PageSize = 25;

    public StaffConsultationView View { get; private set; } = null!; // Set before rendering.

    public ResponsePage Responses { get; private set; } = null!; // Set before rendering.

    public ResponseCounts Counts { get; private set; } = null!; // Set before rendering.

    public int PageNumber { get; private set; }

    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int p = 1, bool deleted = false, CancellationToken ct = default)
    {
        var found = await get.HandleAsync(Actor, new ConsultationId(id), ct);
        if (found.IsFailure)
        {
            return Refusal(found.Errors) ?? NotFound();
        }

        View = found.Value;
        PageNumber = Math.Max(1, p);
        Deleted = deleted;
        var listed = await list.HandleAsync(Actor, new ListResponsesRequest(View.Consultation.Id, (PageNumber - 1) * PageSize, PageSize), ct);
        var counted = await count.HandleAsync(Actor, View.Consultation.Id, ct);
        if (listed.IsFailure || counted.IsFailure)
        {
            return Refusal(listed.IsFailure ? listed.Errors : counted.Errors) ?? NotFound();
        }

        Responses = listed.Value;
        Counts = counted.Value;
        return Page();
    }
}
