using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>
/// One response, question by question. Free text is the respondent's own and is shown only as
/// encoded plain text (Razor encodes every line), never as markup. Deleting asks for confirmation.
/// </summary>
public sealed class ResponseModel(Text text, GetStaffConsultation get, GetResponse read, DeleteResponse delete) : AuthoringPageModel(text)
{
    public ResponseView Found { get; private set; } = null!; // Set before rendering.

    public bool CanDelete { get; private set; }

    public bool ConfirmDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid response, bool delete = false, CancellationToken ct = default)
    {
        var found = await read.HandleAsync(Actor, new GetResponseRequest(new ConsultationId(id), new ResponseId(response)), ct);
        if (found.IsFailure)
        {
            return Refusal(found.Errors) ?? NotFound();
        }

        Found = found.Value;
        var view = await get.HandleAsync(Actor, new ConsultationId(id), ct);
        CanDelete = view.IsSuccess && view.Value.Can(ConsultationPermission.DeleteResponses);
        ConfirmDelete = delete && CanDelete;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid response, CancellationToken ct)
    {
        var deleted = await delete.HandleAsync(Actor, new DeleteResponseRequest(new ConsultationId(id), new ResponseId(response)), ct);
        if (deleted.IsFailure)
        {
            return Refusal(deleted.Errors) ?? NotFound();
        }

        return RedirectToPage(AuthoringPages.Responses, new { id, deleted = true });
    }
}
