using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <param name="InUse">Shown now or already answered: <see cref="EditActivity"/> would refuse it.</param>
public sealed record EditableActivity(ActivityId Id, int Number, ActivityDraft Draft, bool InUse);

/// <summary>An activity as a draft its facilitators can change with <see cref="EditActivity"/>.</summary>
public sealed class GetActivityDraft(CoProduceDbContext db, WorkshopAccess access)
{
    public async Task<Result<EditableActivity>> HandleAsync(StaffActor actor, WorkshopId workshopId, ActivityId activityId, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeFacilitatorAsync(actor, workshopId, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result<EditableActivity>.Failure(authorized.Errors);
        }

        var a = await db.WorkshopActivities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == activityId && x.WorkshopId == workshopId, cancellationToken);
        if (a is null)
        {
            return new Error(ErrorCodes.ActivityNotFound, "activityId");
        }

        var s = a.Settings;
        var draft = new ActivityDraft(a.Kind, a.Title, a.Prompt, a.ContentWarning, s.Options.Select(o => o.Label).ToList(), s.MultipleChoice, s.Dots, s.PreModeration, s.SourceActivityId, s.FrameworkId);
        return new EditableActivity(a.Id, a.Number, draft, await ActivityUse.IsUsedAsync(db, workshop, a, cancellationToken));
    }
}
