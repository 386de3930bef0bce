using CoProduce.Core.Common;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Workshops;
using CoProduce.Server.Hubs;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Staff.Workshops;

/// <summary>
/// Change an activity nobody has used yet (not showing, not answered): its words and the settings
/// of its kind. A used activity is shown with the reason it can no longer change.
/// </summary>
public sealed class ActivityModel(ICurrentStaff staff, GetActivityDraft get, GetWorkshopView views, ListOutcomeFrameworks frameworks, EditActivity edit, WorkshopNotifier notifier, Text text) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid ActivityId { get; set; }

    public PageErrors Errors { get; } = new();

    public EditableActivity? Activity { get; private set; }

    public ActivityFormModel? Form { get; private set; }

    public string RunPath => $"{(text.IsWelsh ? "/cy" : "")}/staff/workshops/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not null || Activity is null)
        {
            return loaded ?? NotFound();
        }

        if (Activity.InUse)
        {
            Errors.Add(FieldError.From(new Error(ErrorCodes.ActivityInUse), text));
        }

        return await ShowAsync(WorkshopForms.ActivityValues(Activity.Draft), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not null || staff.Actor is not { } actor)
        {
            return loaded ?? NotFound();
        }

        var saved = await edit.HandleAsync(actor, new WorkshopId(Id), new Core.Workshops.ActivityId(ActivityId), WorkshopForms.ReadActivity(Request.Form), cancellationToken);
        if (saved.IsSuccess)
        {
            await notifier.RoomChangedAsync(new WorkshopId(Id), participantsToo: false);
            return Redirect(RunPath);
        }

        foreach (var error in saved.Errors)
        {
            Errors.Add(FieldError.From(error, text, WorkshopForms.ActivityFieldId(error.Path)));
        }

        return await ShowAsync(FormValues.From(Request.Form), cancellationToken);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        var found = await get.HandleAsync(actor, new WorkshopId(Id), new Core.Workshops.ActivityId(ActivityId), cancellationToken);
        if (!found.TryGetValue(out var activity))
        {
            return found.FirstError?.Code == ErrorCodes.WorkshopForbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        }

        Activity = activity;
        return null;
    }

    private async Task<IActionResult> ShowAsync(FormValues values, CancellationToken cancellationToken)
    {
        // Loaded above, so the actor and the view are there.
        var actor = staff.Actor!;
        var view = (await views.ForFacilitatorAsync(actor, new WorkshopId(Id), cancellationToken)).Value;
        var boards = view.Activities.Where(a => a.Kind == ActivityKind.IdeaBoard && a.Id != Activity!.Id)
            .Select(a => new FormChoice(a.Id.ToString(), $"{a.Number}. {a.Title.Current}")).ToList();
        var owned = (await frameworks.HandleAsync(actor, cancellationToken)).Select(f => new FormChoice(f.Id.ToString(), f.Title.Current)).ToList();
        Form = new ActivityFormModel(values, Errors, Activity!.Draft.Kind, boards, owned);
        return Page();
    }
}
