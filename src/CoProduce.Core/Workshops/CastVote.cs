using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <param name="Previous">The ballot it replaced (empty if none), so live tallies can apply the difference.</param>
/// <param name="Revealed">Whether the room may see this activity's tally now (polls: once revealed).</param>
public sealed record VoteCast(WorkshopId WorkshopId, ActivityId ActivityId, ActivityKind Kind, ParticipantId ParticipantId, IReadOnlyList<string> Previous, IReadOnlyList<string> Choices, bool Revealed);

/// <summary>
/// A participant votes in the current activity; a new vote replaces their earlier one. Poll: option
/// ids (one unless multiple choice). Dot voting: one entry per dot (an item may take several), up
/// to the activity's dots. Ranking: every item once, in order. Outcome framework: the proposals they
/// support. Saved before it is counted anywhere.
/// </summary>
public sealed class CastVote(CoProduceDbContext db, WorkshopAccess access)
{
    public const int MaxChoices = 50;

    public async Task<Result<VoteCast>> HandleAsync(SessionToken token, ActivityId activityId, IReadOnlyList<string>? choices, CancellationToken cancellationToken = default)
    {
        var seat = await access.ResolveParticipantAsync(token, requireAdmitted: true, cancellationToken);
        if (!seat.TryGetValue(out var s))
        {
            return Result<VoteCast>.Failure(seat.Errors);
        }

        var current = await access.CurrentActivityAsync(s.Workshop, activityId, cancellationToken);
        if (!current.TryGetValue(out var activity))
        {
            return Result<VoteCast>.Failure(current.Errors);
        }

        choices ??= [];
        if (choices.Count > MaxChoices)
        {
            return new Error(ErrorCodes.VoteInvalidChoice, "choices");
        }

        var items = await VotableItems.ForAsync(db, activity, cancellationToken);
        if (items is null)
        {
            return new Error(ErrorCodes.ActivityWrongKind, "activityId");
        }

        var error = Check(activity, items, choices);
        if (error is not null)
        {
            return error;
        }

        for (var attempt = 0; ; attempt++)
        {
            var ballot = await db.WorkshopBallots.SingleOrDefaultAsync(b => b.ActivityId == activityId && b.ParticipantId == s.Participant.Id, cancellationToken);
            var previous = ballot?.Choices ?? [];
            if (ballot is null)
            {
                db.WorkshopBallots.Add(new Ballot(activityId, s.Participant.Id, s.Workshop.Id, [.. choices]));
            }
            else
            {
                ballot.Replace([.. choices]);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new VoteCast(s.Workshop.Id, activityId, activity.Kind, s.Participant.Id, previous, [.. choices], activity.Kind != ActivityKind.Poll || activity.ResultsRevealed);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same participant voted from another tab at the same moment; re-read theirs.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static Error? Check(WorkshopActivity activity, IReadOnlySet<string> items, IReadOnlyList<string> choices)
    {
        if (choices.Any(c => !items.Contains(c)))
        {
            return new Error(ErrorCodes.VoteInvalidChoice, "choices");
        }

        switch (activity.Kind)
        {
            case ActivityKind.Poll:
                if (choices.Distinct().Count() != choices.Count)
                {
                    return new Error(ErrorCodes.VoteInvalidChoice, "choices");
                }

                return !activity.Settings.MultipleChoice && choices.Count > 1 ? new Error(ErrorCodes.VoteOneChoiceOnly, "choices") : null;
            case ActivityKind.DotVoting:
                return choices.Count > activity.Settings.Dots ? new Error(ErrorCodes.VoteTooManyDots, "choices", [activity.Settings.Dots]) : null;
            case ActivityKind.Ranking:
                return choices.Count != items.Count || choices.Distinct().Count() != choices.Count ? new Error(ErrorCodes.VoteInvalidRanking, "choices") : null;
            default:
                return choices.Distinct().Count() != choices.Count ? new Error(ErrorCodes.VoteInvalidChoice, "choices") : null;
        }
    }
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
