using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>
/// A facilitator removes an activity nobody has used yet (see <see cref="ActivityUse"/>); the ones
/// after it move up. An outcome framework it started stays with the organisation.
/// </summary>
public sealed class RemoveActivity(CoProduceDbContext db, WorkshopAccess access, IAuditLog audit)
{
    public async Task<Result> HandleAsync(StaffActor actor, WorkshopId workshopId, ActivityId activityId, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeChangeAsync(actor, workshopId, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result.Failure(authorized.Errors);
        }

        var activities = await db.WorkshopActivities.Where(a => a.WorkshopId == workshopId).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var activity = activities.SingleOrDefault(a => a.Id == activityId);
        if (activity is null)
        {
            return new Error(ErrorCodes.ActivityNotFound, "activityId");
        }

        if (await ActivityUse.IsUsedAsync(db, workshop, activity, cancellationToken))
        {
            return new Error(ErrorCodes.ActivityInUse);
        }

        db.WorkshopActivities.Remove(activity);
        activities.Remove(activity);
        await audit.RecordAsync(actor, WorkshopAudit.RemoveActivity, WorkshopAudit.SubjectWorkshop, workshopId.ToString(), cancellationToken);
        return await MoveActivity.RenumberAsync(db, workshop, activities, cancellationToken);
    }
}
