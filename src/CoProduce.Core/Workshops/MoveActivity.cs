using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

public enum MoveDirection
{
    Up,
    Down,
}

/// <summary>
/// A facilitator moves an activity one place up or down the running order (any time before the
/// workshop ends; moving the first one up or the last one down changes nothing).
/// </summary>
public sealed class MoveActivity(CoProduceDbContext db, WorkshopAccess access, IAuditLog audit)
{
    public async Task<Result> HandleAsync(StaffActor actor, WorkshopId workshopId, ActivityId activityId, MoveDirection direction, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeChangeAsync(actor, workshopId, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result.Failure(authorized.Errors);
        }

        var activities = await db.WorkshopActivities.Where(a => a.WorkshopId == workshopId).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var index = activities.FindIndex(a => a.Id == activityId);
        if (index < 0)
        {
            return new Error(ErrorCodes.ActivityNotFound, "activityId");
        }

        var other = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (other < 0 || other >= activities.Count)
        {
            return Result.Success();
        }

        (activities[index], activities[other]) = (activities[other], activities[index]);
        await audit.RecordAsync(actor, WorkshopAudit.MoveActivity, WorkshopAudit.SubjectWorkshop, workshopId.ToString(), cancellationToken);
        return await RenumberAsync(db, workshop, activities, cancellationToken);
    }

    /// <summary>
    /// Saves pending changes and numbers <paramref name="ordered"/> 1, 2, 3… in one transaction. The
    /// numbers are unique per workshop, so they pass through negative values first.
    /// </summary>
    internal static async Task<Result> RenumberAsync(CoProduceDbContext db, Workshop workshop, IReadOnlyList<WorkshopActivity> ordered, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            workshop.Touch();
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Renumber(-(i + 1));
            }

            await db.SaveChangesAsync(cancellationToken);
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Renumber(i + 1);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The workshop's revision moved (another facilitator) or a number was taken meanwhile.
            return new Error(ErrorCodes.WorkshopChangedElsewhere);
        }

        return Result.Success();
    }
}
