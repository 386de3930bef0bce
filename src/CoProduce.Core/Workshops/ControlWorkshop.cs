using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>What a facilitator does to the room or to one activity.</summary>
public enum RoomCommand
{
    Start,
    Pause,
    Resume,
    End,

    /// <summary>Show an activity to the room (null activity: show nothing but the welcome).</summary>
    ShowActivity,
    RevealResults,
    HideResults,
    CloseActivity,
    ReopenActivity,
}

/// <summary>The room after a command, for broadcasting.</summary>
public sealed record RoomChanged(WorkshopId WorkshopId, WorkshopState State, ActivityId? CurrentActivityId, int Revision);

/// <summary>
/// A facilitator starts, pauses, resumes or ends the session, shows an activity, reveals its results,
/// or closes it. Saved before anyone is told.
/// </summary>
public sealed class ControlWorkshop(CoProduceDbContext db, WorkshopAccess access, IAuditLog audit, VotingRooms rooms)
{
    public async Task<Result<RoomChanged>> HandleAsync(StaffActor actor, WorkshopId id, RoomCommand command, ActivityId? activityId = null, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeFacilitatorAsync(actor, id, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result<RoomChanged>.Failure(authorized.Errors);
        }

        if (workshop.State == WorkshopState.Ended)
        {
            return new Error(ErrorCodes.WorkshopEnded);
        }

        switch (command)
        {
            case RoomCommand.Start or RoomCommand.Pause or RoomCommand.Resume or RoomCommand.End:
                var next = command switch
                {
                    RoomCommand.Start or RoomCommand.Resume => WorkshopState.Live,
                    RoomCommand.Pause => WorkshopState.Paused,
                    _ => WorkshopState.Ended,
                };
                if ((command == RoomCommand.Start && workshop.State != WorkshopState.Scheduled)
                    || (command == RoomCommand.Resume && workshop.State != WorkshopState.Paused)
                    || !workshop.MoveTo(next))
                {
                    return new Error(ErrorCodes.WorkshopInvalidTransition);
                }

                break;

            case RoomCommand.ShowActivity when activityId is null:
                workshop.ShowActivity(null);
                break;

            default:
                if (activityId is not { } target)
                {
                    return new Error(ErrorCodes.ActivityNotFound, "activityId");
                }

                var activity = await db.WorkshopActivities.SingleOrDefaultAsync(a => a.Id == target && a.WorkshopId == id, cancellationToken);
                if (activity is null)
                {
                    return new Error(ErrorCodes.ActivityNotFound, "activityId");
                }

                switch (command)
                {
                    case RoomCommand.ShowActivity:
                        workshop.ShowActivity(target);
                        break;
                    case RoomCommand.RevealResults or RoomCommand.HideResults:
                        activity.Reveal(command == RoomCommand.RevealResults);
                        workshop.Touch();
                        break;
                    default:
                        activity.Close(command == RoomCommand.CloseActivity);
                        workshop.Touch();
                        break;
                }

                break;
        }

        await audit.RecordAsync(actor, WorkshopAudit.Control, WorkshopAudit.SubjectWorkshop, id.ToString(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ErrorCodes.WorkshopChangedElsewhere);
        }

        // Votes read the changed room once, instead of each finding its remembered revision stale.
        rooms.Forget(workshop.Id);
        return new RoomChanged(workshop.Id, workshop.State, workshop.CurrentActivityId, workshop.Revision);
    }
}
