using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>
/// Whether an activity has been used: shown to the room now, or answered (a ballot or a
/// contribution), or the idea board another activity votes over. A used activity keeps its content
/// and settings, so that what people answered still means what it meant.
/// </summary>
internal static class ActivityUse
{
    public static async Task<bool> IsUsedAsync(CoProduceDbContext db, Workshop workshop, WorkshopActivity activity, CancellationToken cancellationToken)
    {
        if (workshop.CurrentActivityId == activity.Id)
        {
            return true;
        }

        var id = activity.Id;
        return await db.WorkshopBallots.AnyAsync(b => b.ActivityId == id, cancellationToken)
            || await db.WorkshopContributions.AnyAsync(c => c.ActivityId == id, cancellationToken)
            || (activity.Kind == ActivityKind.IdeaBoard && (await db.WorkshopActivities.AsNoTracking().Where(a => a.WorkshopId == workshop.Id && a.Id != id).Select(a => a.Settings).ToListAsync(cancellationToken)).Any(s => s.SourceActivityId == id));
    }
}
