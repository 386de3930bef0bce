using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Workshops;
using CoProduce.Server.Hubs;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace CoProduce.Server.Pages.Staff.Workshops;

/// <summary>
/// Run a workshop: join code and QR code, room controls, activities, participants (signals,
/// admission, removal), moderation and acceptance into the framework. Every action is a plain form
/// (works without JavaScript) calling the same use cases as the hub, then telling the room.
/// </summary>
public sealed class RunModel(ICurrentStaff staff, GetWorkshopView views, ListOutcomeFrameworks frameworks, WorkshopNotifier notifier, Text text) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public WorkshopView? View { get; private set; }

    public PageErrors Errors { get; } = new();

    /// <summary>Shown only in the response that made it: the code is never stored in clear.</summary>
    public JoinCode? NewCode { get; private set; }

    public string? QrSvg { get; private set; }

    /// <summary>The "add an activity" form: empty, or what was typed when it was refused.</summary>
    public ActivityFormModel? AddForm { get; private set; }

    private FormValues _addValues = FormValues.Empty;

    /// <summary>The fingerprint of what this page shows; facilitator.js reloads when the hub reports another.</summary>
    public string Stamp => View is null ? "" : WorkshopViewStamp.Of(View);

    private WorkshopId WorkshopId => new(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostShowCodeAsync([FromServices] ReplaceJoinCode replace, CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        var code = await replace.HandleAsync(actor, WorkshopId, cancellationToken);
        if (code.TryGetValue(out var c))
        {
            NewCode = c;
            var joinUrl = $"{Request.Scheme}://{Request.Host}/workshop?code={c.Canonical}";
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(joinUrl, QRCodeGenerator.ECCLevel.M);
            QrSvg = new SvgQRCode(data).GetGraphic(8);
        }
        else
        {
            AddErrors(code.Errors);
        }

        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostControlAsync(RoomCommand command, Guid? activityId, [FromServices] ControlWorkshop control, CancellationToken cancellationToken) =>
        ActAsync(actor => control.HandleAsync(actor, WorkshopId, command, activityId is { } a ? new ActivityId(a) : null, cancellationToken), room => notifier.RoomChangedAsync(WorkshopId, true, room));

    public Task<IActionResult> OnPostParticipantAsync(Guid participantId, ParticipantCommand command, [FromServices] ManageParticipant manage, CancellationToken cancellationToken) =>
        ActAsync(actor => manage.HandleAsync(actor, WorkshopId, new ParticipantId(participantId), command, cancellationToken), status => notifier.ParticipantChangedAsync(WorkshopId, new ParticipantId(participantId), status));

    public Task<IActionResult> OnPostModerateAsync(Guid contributionId, ModerationCommand command, Guid? mergeInto, string? theme, [FromServices] ModerateContribution moderate, CancellationToken cancellationToken) =>
        ActAsync(actor => moderate.HandleAsync(actor, WorkshopId, new ContributionId(contributionId), new Moderation(command, mergeInto is { } m ? new ContributionId(m) : null, theme), cancellationToken), _ => notifier.RoomChangedAsync(WorkshopId, true));

    public Task<IActionResult> OnPostAcceptAsync(Guid proposalId, [FromServices] AcceptProposal accept, CancellationToken cancellationToken) =>
        ActAsync(actor => accept.HandleAsync(actor, WorkshopId, new ContributionId(proposalId), null, cancellationToken), _ => notifier.RoomChangedAsync(WorkshopId, true));

    public async Task<IActionResult> OnPostAddActivityAsync([FromServices] AddActivity add, CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        var added = await add.HandleAsync(actor, WorkshopId, WorkshopForms.ReadActivity(Request.Form), cancellationToken);
        if (added.IsSuccess)
        {
            await notifier.RoomChangedAsync(WorkshopId, false);
            return Redirect(RunPath);
        }

        foreach (var error in added.Errors)
        {
            Errors.Add(FieldError.From(error, text, WorkshopForms.ActivityFieldId(error.Path)));
        }

        _addValues = FormValues.From(Request.Form);
        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostMoveActivityAsync(Guid activityId, MoveDirection direction, [FromServices] MoveActivity move, CancellationToken cancellationToken) =>
        ActAsync(async actor => ToUnit(await move.HandleAsync(actor, WorkshopId, new ActivityId(activityId), direction, cancellationToken)), _ => notifier.RoomChangedAsync(WorkshopId, false));

    public Task<IActionResult> OnPostRemoveActivityAsync(Guid activityId, [FromServices] RemoveActivity remove, CancellationToken cancellationToken) =>
        ActAsync(async actor => ToUnit(await remove.HandleAsync(actor, WorkshopId, new ActivityId(activityId), cancellationToken)), _ => notifier.RoomChangedAsync(WorkshopId, false));

    private string RunPath => $"{(text.IsWelsh ? "/cy" : "")}/staff/workshops/{Id}";

    private static Result<bool> ToUnit(Result result) => result.IsSuccess ? true : Result<bool>.Failure(result.Errors);

    private async Task<IActionResult> ActAsync<T>(Func<Core.Staff.StaffActor, Task<Result<T>>> act, Func<T, Task> tell)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        var result = await act(actor);
        if (result.TryGetValue(out var value))
        {
            await tell(value);
            return Redirect(RunPath);
        }

        AddErrors(result.Errors);
        return await ShowAsync(HttpContext.RequestAborted);
    }

    private void AddErrors(IReadOnlyList<Error> errors)
    {
        foreach (var error in errors)
        {
            Errors.Add(FieldError.From(error, text) with { FieldId = null });
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        var view = await views.ForFacilitatorAsync(actor, WorkshopId, cancellationToken);
        if (!view.TryGetValue(out var v))
        {
            return view.FirstError?.Code == ErrorCodes.WorkshopForbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        }

        View = v;
        var boards = v.Activities.Where(a => a.Kind == ActivityKind.IdeaBoard).Select(a => new FormChoice(a.Id.ToString(), $"{a.Number}. {a.Title.Current}")).ToList();
        var owned = (await frameworks.HandleAsync(actor, cancellationToken)).Select(f => new FormChoice(f.Id.ToString(), f.Title.Current)).ToList();
        AddForm = new ActivityFormModel(_addValues, Errors, null, boards, owned);
        return Page();
    }
}
