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

    /// <summary>The ids of the workshop's used activities, for pages that offer changes only where they can be made.</summary>
    public static async Task<IReadOnlySet<ActivityId>> UsedAsync(CoProduceDbContext db, Workshop workshop, CancellationToken cancellationToken)
    {
        var used = new HashSet<ActivityId>();
        if (workshop.CurrentActivityId is { } current)
        {
            used.Add(current);
        }

        used.UnionWith(await db.WorkshopBallots.AsNoTracking().Where(b => b.WorkshopId == workshop.Id).Select(b => b.ActivityId).Distinct().ToListAsync(cancellationToken));
        used.UnionWith(await db.WorkshopContributions.AsNoTracking().Where(c => c.WorkshopId == workshop.Id).Select(c => c.ActivityId).Distinct().ToListAsync(cancellationToken));
        var settings = await db.WorkshopActivities.AsNoTracking().Where(a => a.WorkshopId == workshop.Id).Select(a => a.Settings).ToListAsync(cancellationToken);
        used.UnionWith(settings.Where(s => s.SourceActivityId is not null).Select(s => s.SourceActivityId!.Value));
        return used;
    }
}
