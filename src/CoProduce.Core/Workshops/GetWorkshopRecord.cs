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
public sealed record TallyRecord(IReadOnlyDictionary<string, int?> Counts, int Voters, bool Suppressed);

/// <param name="Tally">Null for idea boards, and for a poll whose results the facilitator has not revealed (non-facilitators).</param>
public sealed record ActivityRecord(ActivityView Activity, TallyRecord? Tally);

/// <summary>An idea the facilitator approved, with the idea board it was posted on. No author, no time.</summary>
public sealed record IdeaRecord(ContributionId Id, ActivityId ActivityId, int Number, string Text, string Language, string? Theme);

/// <summary>What staff may read of a workshop: never the join code, seats or anything about a participant but a count.</summary>
public sealed record WorkshopRecord(Workshop Workshop, bool Facilitator, IReadOnlyList<ActivityRecord> Activities, IReadOnlyList<IdeaRecord> ApprovedIdeas, int ParticipantCount);

/// <summary>
/// A workshop's record for staff (<see cref="WorkshopAccess.AuthorizeReaderAsync"/> decides who): its activities with
/// their items and tallies, and the approved ideas. Facilitators see every count; other staff of the organisation see
/// small counts suppressed and unrevealed polls without results, as the room would.
/// </summary>
public sealed class GetWorkshopRecord(CoProduceDbContext db, WorkshopAccess access, GetWorkshopView views)
{
    public async Task<Result<WorkshopRecord>> HandleAsync(StaffActor actor, WorkshopId id, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeReaderAsync(actor, id, cancellationToken);
        if (!authorized.TryGetValue(out var reader))
        {
            return Result<WorkshopRecord>.Failure(authorized.Errors);
        }

        var workshop = reader.Workshop;
        var activities = await db.WorkshopActivities.AsNoTracking().Where(a => a.WorkshopId == id).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var records = new List<ActivityRecord>(activities.Count);
        foreach (var activity in activities)
        {
            var view = await views.ActivityAsync(activity, reader.Facilitator, cancellationToken);
            records.Add(new ActivityRecord(view, Tally(view, reader.Facilitator)));
        }

        var numbers = activities.ToDictionary(a => a.Id, a => a.Number);
        var ideas = (await db.WorkshopContributions.AsNoTracking()
                .Where(c => c.WorkshopId == id && c.Kind == ContributionKind.Idea && c.Status == ContributionStatus.Approved)
                .ToListAsync(cancellationToken))
            .OrderBy(c => numbers.GetValueOrDefault(c.ActivityId)).ThenBy(c => c.Number)
            .Select(c => new IdeaRecord(c.Id, c.ActivityId, c.Number, c.Text, c.Language, c.Theme))
            .ToList();
        var participants = await db.WorkshopParticipants.CountAsync(p => p.WorkshopId == id && p.Status == ParticipantStatus.Admitted, cancellationToken);
        return new WorkshopRecord(workshop, reader.Facilitator, records, ideas, participants);
    }

    private static TallyRecord? Tally(ActivityView view, bool facilitator)
    {
        if (view.Tally is not { } tally)
        {
            return null;
        }

        // Every item counts, voted for or not (a framework activity's items are the proposals in its tally).
        var items = view.Items.Select(i => i.Id).Concat(tally.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (facilitator)
        {
            return new TallyRecord(items.ToDictionary(i => i, i => (int?)tally.GetValueOrDefault(i), StringComparer.Ordinal), view.Voters, false);
        }

        var suppressed = Tallies.Suppress(tally, items, Tallies.SuppressionThreshold);
        return new TallyRecord(suppressed, view.Voters, suppressed.Values.Any(v => v is null));
    }
}
