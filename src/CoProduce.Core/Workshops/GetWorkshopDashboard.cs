using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Core.Workshops;

/// <summary>
/// An activity's tally as the API shows it: suppressed by the same <see cref="SuppressionRule"/> and configured
/// threshold as the workshop record, for every reader (facilitators see exact counts live in the room, not here).
/// <paramref name="Voters"/> is null when suppressed; <paramref name="Suppressed"/> says whether any count was.
/// </summary>
public sealed record DashboardTally(IReadOnlyDictionary<string, int?> Counts, int? Voters, bool Suppressed);

/// <param name="Tally">Null for idea boards, and for a poll whose results the facilitator has not revealed (non-facilitators).</param>
public sealed record DashboardActivity(ActivityView Activity, DashboardTally? Tally);

/// <summary>An idea the facilitator approved, with the idea board it was posted on. No author, no time.</summary>
public sealed record DashboardIdea(ContributionId Id, ActivityId ActivityId, int Number, string Text, string Language, string? Theme);

/// <summary>What staff may read of a workshop: never the join code, seats or anything about a participant but a count.</summary>
public sealed record WorkshopDashboard(Workshop Workshop, bool Facilitator, IReadOnlyList<DashboardActivity> Activities, IReadOnlyList<DashboardIdea> ApprovedIdeas, int ParticipantCount);

/// <summary>
/// A workshop's dashboard for staff (<see cref="ListReadableWorkshops.CanRead"/> decides who): its activities with
/// their items and tallies, and the approved ideas. It leaves the room (it is what the API answers), so every count
/// is suppressed as in the workshop record (<see cref="SuppressionRule"/>, <c>Workshops:SuppressionThreshold</c>),
/// facilitators included; other staff of the organisation also see unrevealed polls without results, as the room would.
/// </summary>
public sealed class GetWorkshopDashboard(CoProduceDbContext db, GetWorkshopView views, IOptions<WorkshopOptions> options)
{
    public async Task<Result<WorkshopDashboard>> HandleAsync(StaffActor actor, WorkshopId id, CancellationToken cancellationToken = default)
    {
        var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workshop is null || !ListReadableWorkshops.CanRead(workshop, actor))
        {
            return new Error(ErrorCodes.WorkshopNotFound);
        }

        var reader = new WorkshopReader(workshop, workshop.IsFacilitator(actor));
        var activities = await db.WorkshopActivities.AsNoTracking().Where(a => a.WorkshopId == id).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var rule = SuppressionRule.From(options.Value);
        var records = new List<DashboardActivity>(activities.Count);
        foreach (var activity in activities)
        {
            var view = await views.ActivityAsync(activity, reader.Facilitator, cancellationToken);
            records.Add(new DashboardActivity(view, Tally(view, rule)));
        }

        var numbers = activities.ToDictionary(a => a.Id, a => a.Number);
        var ideas = (await db.WorkshopContributions.AsNoTracking()
                .Where(c => c.WorkshopId == id && c.Kind == ContributionKind.Idea && c.Status == ContributionStatus.Approved)
                .ToListAsync(cancellationToken))
            .OrderBy(c => numbers.GetValueOrDefault(c.ActivityId)).ThenBy(c => c.Number)
            .Select(c => new DashboardIdea(c.Id, c.ActivityId, c.Number, c.Text, c.Language, c.Theme))
            .ToList();
        var participants = await db.WorkshopParticipants.CountAsync(p => p.WorkshopId == id && p.Status == ParticipantStatus.Admitted, cancellationToken);
        return new WorkshopDashboard(workshop, reader.Facilitator, records, ideas, participants);
    }

    private static DashboardTally? Tally(ActivityView view, SuppressionRule rule)
    {
        if (view.Tally is not { } tally)
        {
            return null;
        }

        // Every item counts, voted for or not (a framework activity's items are the proposals in its tally).
        var items = view.Items.Select(i => i.Id).Concat(tally.Keys);
        var counts = rule.Table(tally, items, view.Voters);
        var voters = rule.Count(view.Voters);
        return new DashboardTally(
            counts.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.Ordinal),
            voters.Value,
            voters.Suppressed || counts.Values.Any(c => c.Suppressed));
    }
}
