using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>
/// An activity's tally as a reader may see it: for non-facilitators counts from 1 to
/// <see cref="Tallies.SuppressionThreshold"/> − 1 are null (<see cref="Tallies.Suppress"/>, with secondary
/// suppression), and <paramref name="Suppressed"/> says whether any was.
/// </summary>
public sealed record DashboardTally(IReadOnlyDictionary<string, int?> Counts, int Voters, bool Suppressed);

/// <param name="Tally">Null for idea boards, and for a poll whose results the facilitator has not revealed (non-facilitators).</param>
public sealed record DashboardActivity(ActivityView Activity, DashboardTally? Tally);

/// <summary>An idea the facilitator approved, with the idea board it was posted on. No author, no time.</summary>
public sealed record DashboardIdea(ContributionId Id, ActivityId ActivityId, int Number, string Text, string Language, string? Theme);

/// <summary>What staff may read of a workshop: never the join code, seats or anything about a participant but a count.</summary>
public sealed record WorkshopDashboard(Workshop Workshop, bool Facilitator, IReadOnlyList<DashboardActivity> Activities, IReadOnlyList<DashboardIdea> ApprovedIdeas, int ParticipantCount);

/// <summary>
/// A workshop's dashboard for staff (<see cref="ListReadableWorkshops.CanRead"/> decides who): its activities with
/// their items and tallies, and the approved ideas. Facilitators see every count; other staff of the organisation see
/// small counts suppressed and unrevealed polls without results, as the room would.
/// </summary>
public sealed class GetWorkshopDashboard(CoProduceDbContext db, GetWorkshopView views)
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
        var records = new List<DashboardActivity>(activities.Count);
        foreach (var activity in activities)
        {
            var view = await views.ActivityAsync(activity, reader.Facilitator, cancellationToken);
            records.Add(new DashboardActivity(view, Tally(view, reader.Facilitator)));
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

    private static DashboardTally? Tally(ActivityView view, bool facilitator)
    {
        if (view.Tally is not { } tally)
        {
            return null;
        }

        // Every item counts, voted for or not (a framework activity's items are the proposals in its tally).
        var items = view.Items.Select(i => i.Id).Concat(tally.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (facilitator)
        {
            return new DashboardTally(items.ToDictionary(i => i, i => (int?)tally.GetValueOrDefault(i), StringComparer.Ordinal), view.Voters, false);
        }

        var suppressed = Tallies.Suppress(tally, items, Tallies.SuppressionThreshold);
        return new DashboardTally(suppressed, view.Voters, suppressed.Values.Any(v => v is null));
    }
}
