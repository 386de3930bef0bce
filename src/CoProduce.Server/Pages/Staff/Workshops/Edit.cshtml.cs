using CoProduce.Core.Common;
using CoProduce.Core.Workshops;
using CoProduce.Server.Hubs;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Staff.Workshops;

/// <summary>Change a workshop's details (any time before it ends); the room sees the new words at once.</summary>
public sealed class EditModel(ICurrentStaff staff, GetWorkshopDetails get, UpdateWorkshop update, WorkshopNotifier notifier, Text text) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public PageErrors Errors { get; } = new();

    public FormValues Values { get; private set; } = FormValues.Empty;

    public string RunPath => $"{(text.IsWelsh ? "/cy" : "")}/staff/workshops/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        var found = await get.HandleAsync(actor, new WorkshopId(Id), cancellationToken);
        if (!found.TryGetValue(out var workshop))
        {
            return Refused(found.FirstError);
        }

        if (workshop.State == WorkshopState.Ended)
        {
            Errors.Add(FieldError.From(new Error(ErrorCodes.WorkshopEnded), text));
        }

        Values = WorkshopForms.DetailsValues(workshop.Details);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        Values = FormValues.From(Request.Form);
        var updated = await update.HandleAsync(actor, new WorkshopId(Id), WorkshopForms.ReadDetails(Request.Form), cancellationToken);
        if (updated.IsSuccess)
        {
            await notifier.RoomChangedAsync(new WorkshopId(Id), participantsToo: true);
            return Redirect(RunPath);
        }

        if (updated.FirstError?.Code is ErrorCodes.WorkshopNotFound or ErrorCodes.WorkshopForbidden)
        {
            return Refused(updated.FirstError);
        }

        foreach (var error in updated.Errors)
        {
            Errors.Add(FieldError.From(error, text, WorkshopForms.DetailsFieldId(error.Path)));
        }

        return Page();
    }

    private IActionResult Refused(Error? error) =>
        error?.Code == ErrorCodes.WorkshopForbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
}
