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
/// Every ballot is written by the <see cref="BallotCommitter"/> (group commit: one transaction and one
/// conditional insert-or-replace for all the ballots waiting), on condition that, in that statement, the
/// participant is still admitted and the workshop still live at the revision the ballot was checked
/// against, showing that activity. From the hub (a <see cref="VoterSeat"/>), a ballot in a room known to
/// <see cref="VotingRooms"/> (read once per revision for everyone) is checked in memory, so a vote costs
/// no read of its own; anything else (an activity over ideas, a room that changed, an error to explain)
/// takes the full path, which reads the participant, workshop and activity again.
/// </summary>
public sealed class CastVote(CoProduceDbContext db, WorkshopAccess access, VotingRooms rooms, BallotCommitter committer)
{
    public const int MaxChoices = 50;

    /// <summary>Full-path attempts when the room changes between the reads and the conditional write.</summary>
    private const int FullPathAttempts = 3;

    /// <summary>From the participant's session token (one page request, or a first call).</summary>
    public async Task<Result<VoteCast>> HandleAsync(SessionToken token, ActivityId activityId, IReadOnlyList<string>? choices, CancellationToken cancellationToken = default)
    {
        var seat = await access.ResolveParticipantAsync(token, requireAdmitted: true, cancellationToken);
        if (!seat.TryGetValue(out var s))
        {
            return Result<VoteCast>.Failure(seat.Errors);
        }

        return await FullPathAsync(s, activityId, choices ?? [], cancellationToken);
    }

    /// <summary>From a seat resolved earlier from the token (the hub keeps it per connection).</summary>
    public async Task<Result<VoteCast>> HandleAsync(VoterSeat voter, ActivityId activityId, IReadOnlyList<string>? choices, CancellationToken cancellationToken = default)
    {
        choices ??= [];
        if (choices.Count <= MaxChoices)
        {
            int? stale = null;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var room = await rooms.GetOrLoadAsync(voter.WorkshopId, stale, () => LoadRoomAsync(voter.WorkshopId));
                if (!room.CanVoteInMemory || room.ActivityId != activityId || Check(room.Kind, room.Settings!, room.Items!, choices) is not null)
                {
                    break; // Refused or not checkable here: the full path says why, or votes.
                }

                IReadOnlyList<string> ballot = [.. choices];
                if (await committer.CommitAsync(new PendingBallot(voter.WorkshopId, activityId, voter.ParticipantId, room.Revision, ballot)))
                {
                    return new VoteCast(voter.WorkshopId, activityId, room.Kind, voter.ParticipantId, ballot, room.Revealed);
                }

                // Not written: the room moved on (read it again, once for everyone) or the participant was removed.
                stale = room.Revision;
            }
        }

        var seat = await access.ResolveParticipantAsync(voter.ParticipantId, requireAdmitted: true, cancellationToken);
        if (!seat.TryGetValue(out var s))
        {
            return Result<VoteCast>.Failure(seat.Errors);
        }

        return await FullPathAsync(s, activityId, choices, cancellationToken);
    }

    /// <summary>The room as it is now, for <see cref="VotingRooms"/>: what can be checked in memory, or that nothing can.</summary>
    private async Task<VotingRoom> LoadRoomAsync(WorkshopId workshopId)
    {
        // Shared by every vote waiting for this room: not cancelled with the one that started it.
        var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workshopId, CancellationToken.None);
        if (workshop is null)
        {
            return VotingRoom.None(workshopId, -1);
        }

        if (workshop.State != WorkshopState.Live || workshop.CurrentActivityId is not { } current)
        {
            return VotingRoom.None(workshopId, workshop.Revision);
        }

        var activity = await db.WorkshopActivities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == current && a.WorkshopId == workshopId, CancellationToken.None);
        if (activity is null || activity.Closed || !VotingRoom.CanRemember(activity))
        {
            return VotingRoom.None(workshopId, workshop.Revision);
        }

        var items = await VotableItems.ForAsync(db, activity, CancellationToken.None);
        return items is null
            ? VotingRoom.None(workshopId, workshop.Revision)
            : new VotingRoom(workshopId, workshop.Revision, activity.Id, activity.Kind, activity.Settings, items, activity.Kind != ActivityKind.Poll || activity.ResultsRevealed);
    }

    /// <summary>The full path: read the room, check, then the same conditional write through the committer.</summary>
    private async Task<Result<VoteCast>> FullPathAsync(ParticipantSeat seat, ActivityId activityId, IReadOnlyList<string> choices, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
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

            IReadOnlyList<string> ballot = [.. choices];
            if (await committer.CommitAsync(new PendingBallot(seat.Workshop.Id, activityId, seat.Participant.Id, seat.Workshop.Revision, ballot)))
            {
                return new VoteCast(seat.Workshop.Id, activityId, activity.Kind, seat.Participant.Id, ballot, revealed);
            }

            if (attempt + 1 == FullPathAttempts)
            {
                return new Error(ErrorCodes.HubBusy);
            }

            // The participant or the room changed between the reads and the write: read them again.
            db.ChangeTracker.Clear();
            var again = await access.ResolveParticipantAsync(seat.Participant.Id, requireAdmitted: true, cancellationToken);
            if (!again.TryGetValue(out var fresh))
            {
                return Result<VoteCast>.Failure(again.Errors);
            }

            seat = fresh;
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
