using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>
/// A facilitator changes an activity that has not been used yet (not showing, nobody has answered
/// it): its text and its settings. The kind stays; an outcome framework activity keeps its framework
/// unless another of the organisation's frameworks is chosen.
/// </summary>
public sealed class EditActivity(CoProduceDbContext db, WorkshopAccess access, IAuditLog audit)
{
    public async Task<Result> HandleAsync(StaffActor actor, WorkshopId workshopId, ActivityId activityId, ActivityDraft draft, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeChangeAsync(actor, workshopId, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result.Failure(authorized.Errors);
        }

        var activity = await db.WorkshopActivities.SingleOrDefaultAsync(a => a.Id == activityId && a.WorkshopId == workshopId, cancellationToken);
        if (activity is null)
        {
            return new Error(ErrorCodes.ActivityNotFound, "activityId");
        }

        if (await ActivityUse.IsUsedAsync(db, workshop, activity, cancellationToken))
        {
            return new Error(ErrorCodes.ActivityInUse);
        }

        // The kind is the activity's own; a framework activity without a choice keeps its framework.
        var asKind = draft with { Kind = activity.Kind, FrameworkId = draft.FrameworkId ?? activity.Settings.FrameworkId };
        var validated = await AddActivity.ValidateAsync(db, workshop, asKind, activityId, cancellationToken);
        if (!validated.TryGetValue(out var v))
        {
            return Result.Failure(validated.Errors);
        }

        activity.Edit(v.Title, v.Prompt, v.ContentWarning, v.Settings);
        workshop.Touch();
        await audit.RecordAsync(actor, WorkshopAudit.EditActivity, WorkshopAudit.SubjectWorkshop, workshopId.ToString(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ErrorCodes.WorkshopChangedElsewhere);
        }

        return Result.Success();
    }
}
