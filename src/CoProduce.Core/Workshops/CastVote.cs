using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <param name="Revealed">Whether the room may see this activity's tally now (polls: once revealed).</param>
public sealed record VoteCast(WorkshopId WorkshopId, ActivityId ActivityId, ActivityKind Kind, ParticipantId ParticipantId, IReadOnlyList<string> Choices, bool Revealed);

/// <summary>
/// Who is voting: resolved once from a session token (<see cref="WorkshopAccess.ResolveParticipantAsync"/>),
/// then kept by the caller for the connection. It grants nothing by itself: every vote still checks,
/// in the database, that the participant is admitted and the room live.
/// </summary>
public sealed record VoterSeat(ParticipantId ParticipantId, WorkshopId WorkshopId);

/// <summary>
/// A participant votes in the current activity; a new vote replaces their earlier one. Poll: option
/// ids (one unless multiple choice). Dot voting: one entry per dot (an item may take several), up
/// to the activity's dots. Ranking: every item once, in order. Outcome framework: the proposals they
/// support. Saved before it is counted anywhere.
/// A participant changing their ballot in a room already known (<see cref="VotingRooms"/>) costs one
/// statement: an update of their ballot on condition that they are still admitted and the workshop is
/// still at the revision the vote was checked against. Anything else (a first ballot, a room that
/// changed, an error to explain) takes the full path, which reads everything again.
/// </summary>
public sealed class CastVote(CoProduceDbContext db, WorkshopAccess access, VotingRooms rooms)
{
    public const int MaxChoices = 50;

    /// <summary>From the participant's session token (one page request, or a first call).</summary>
    public async Task<Result<VoteCast>> HandleAsync(SessionToken token, ActivityId activityId, IReadOnlyList<string>? choices, CancellationToken cancellationToken = default)
    {
        var seat = await access.ResolveParticipantAsync(token, requireAdmitted: true, cancellationToken);
        if (!seat.TryGetValue(out var s))
        {
            return Result<VoteCast>.Failure(seat.Errors);
        }

        return await CastAsync(s, activityId, choices ?? [], cancellationToken);
    }

    /// <summary>From a seat resolved earlier from the token (the hub keeps it per connection).</summary>
    public async Task<Result<VoteCast>> HandleAsync(VoterSeat voter, ActivityId activityId, IReadOnlyList<string>? choices, CancellationToken cancellationToken = default)
    {
        choices ??= [];
        if (choices.Count <= MaxChoices
            && rooms.TryGet(voter.WorkshopId, out var room)
            && room.ActivityId == activityId
            && Check(room.Kind, room.Settings, room.Items, choices) is null)
        {
            IReadOnlyList<string> ballot = [.. choices];
            var revision = room.Revision;
            var participantId = voter.ParticipantId;
            var workshopId = voter.WorkshopId;
            var replaced = await db.WorkshopBallots
                .Where(b => b.ActivityId == activityId && b.ParticipantId == participantId
                    && db.WorkshopParticipants.Any(p => p.Id == participantId && p.WorkshopId == workshopId && p.Status == ParticipantStatus.Admitted)
                    && db.Workshops.Any(w => w.Id == workshopId && w.Revision == revision && w.State == WorkshopState.Live && w.CurrentActivityId == activityId))
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Choices, ballot), cancellationToken);
            if (replaced == 1)
            {
                return new VoteCast(workshopId, activityId, room.Kind, participantId, ballot, room.Revealed);
            }
        }

        var seat = await access.ResolveParticipantAsync(voter.ParticipantId, requireAdmitted: true, cancellationToken);
        if (!seat.TryGetValue(out var s))
        {
            return Result<VoteCast>.Failure(seat.Errors);
        }

        return await CastAsync(s, activityId, choices, cancellationToken);
    }

    /// <summary>The full path: read the room, check, insert or replace the ballot.</summary>
    private async Task<Result<VoteCast>> CastAsync(ParticipantSeat seat, ActivityId activityId, IReadOnlyList<string> choices, CancellationToken cancellationToken)
    {
        var current = await access.CurrentActivityAsync(seat.Workshop, activityId, cancellationToken);
        if (!current.TryGetValue(out var activity))
        {
            return Result<VoteCast>.Failure(current.Errors);
        }

        if (choices.Count > MaxChoices)
        {
            return new Error(ErrorCodes.VoteInvalidChoice, "choices");
        }

        var items = await VotableItems.ForAsync(db, activity, cancellationToken);
        if (items is null)
        {
            return new Error(ErrorCodes.ActivityWrongKind, "activityId");
        }

        var revealed = activity.Kind != ActivityKind.Poll || activity.ResultsRevealed;
        if (VotingRoom.CanRemember(activity))
        {
            // Read after the workshop: if the activity changed in between, the revision did too, and
            // no vote will be written against this entry.
            rooms.Remember(new VotingRoom(seat.Workshop.Id, seat.Workshop.Revision, activity.Id, activity.Kind, activity.Settings, items, revealed));
        }

        var error = Check(activity.Kind, activity.Settings, items, choices);
        if (error is not null)
        {
            return error;
        }

        for (var attempt = 0; ; attempt++)
        {
            var ballot = await db.WorkshopBallots.SingleOrDefaultAsync(b => b.ActivityId == activityId && b.ParticipantId == seat.Participant.Id, cancellationToken);
            if (ballot is null)
            {
                db.WorkshopBallots.Add(new Ballot(activityId, seat.Participant.Id, seat.Workshop.Id, [.. choices]));
            }
            else
            {
                ballot.Replace([.. choices]);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new VoteCast(seat.Workshop.Id, activityId, activity.Kind, seat.Participant.Id, [.. choices], revealed);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same participant voted from another tab at the same moment; re-read theirs.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static Error? Check(ActivityKind kind, ActivitySettings settings, IReadOnlySet<string> items, IReadOnlyList<string> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            if (!items.Contains(choices[i]))
            {
                return new Error(ErrorCodes.VoteInvalidChoice, "choices");
            }
        }

        switch (kind)
        {
            case ActivityKind.Poll:
                if (!AllDifferent(choices))
                {
                    return new Error(ErrorCodes.VoteInvalidChoice, "choices");
                }

                return !settings.MultipleChoice && choices.Count > 1 ? new Error(ErrorCodes.VoteOneChoiceOnly, "choices") : null;
            case ActivityKind.DotVoting:
                return choices.Count > settings.Dots ? new Error(ErrorCodes.VoteTooManyDots, "choices", [settings.Dots]) : null;
            case ActivityKind.Ranking:
                return choices.Count != items.Count || !AllDifferent(choices) ? new Error(ErrorCodes.VoteInvalidRanking, "choices") : null;
            default:
                return AllDifferent(choices) ? null : new Error(ErrorCodes.VoteInvalidChoice, "choices");
        }
    }

    private static bool AllDifferent(IReadOnlyList<string> choices) => choices.Distinct(StringComparer.Ordinal).Count() == choices.Count;
}

/// <summary>What can be voted for in an activity: option ids, or the ids of approved ideas/proposals.</summary>
internal static class VotableItems
{
    public static async Task<IReadOnlySet<string>?> ForAsync(CoProduceDbContext db, WorkshopActivity activity, CancellationToken cancellationToken)
    {
        switch (activity.Kind)
        {
            case ActivityKind.Poll:
            case ActivityKind.DotVoting or ActivityKind.Ranking when activity.Settings.SourceActivityId is null:
                return activity.Settings.Options.Select(o => o.Id).ToHashSet();
            case ActivityKind.DotVoting or ActivityKind.Ranking:
                var source = activity.Settings.SourceActivityId;
                return (await db.WorkshopContributions.AsNoTracking()
                    .Where(c => c.ActivityId == source && c.Kind == ContributionKind.Idea && c.Status == ContributionStatus.Approved)
                    .Select(c => c.Id).ToListAsync(cancellationToken)).Select(id => id.ToString()).ToHashSet();
            case ActivityKind.OutcomeFramework:
                return (await db.WorkshopContributions.AsNoTracking()
                    .Where(c => c.ActivityId == activity.Id && (c.Kind == ContributionKind.OutcomeProposal || c.Kind == ContributionKind.IndicatorProposal) && c.Status == ContributionStatus.Approved)
                    .Select(c => c.Id).ToListAsync(cancellationToken)).Select(id => id.ToString()).ToHashSet();
            default:
                return null;
        }
    }
}
