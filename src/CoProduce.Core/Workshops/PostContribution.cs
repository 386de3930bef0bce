using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <param name="ParentId">Comments: the proposal commented on.</param>
/// <param name="TargetKey">Indicator proposals: the framework outcome (key) it would measure.</param>
public sealed record ContributionDraft(ContributionKind Kind, string? Text, ContributionId? ParentId = null, string? TargetKey = null);

/// <summary>
/// A participant posts an idea (idea board) or, in an outcome framework activity, proposes an
/// outcome or an indicator, or comments on a proposal. The text is cleaned; no author and no time are
/// stored. With pre-moderation it waits for the facilitator; otherwise the room sees it at once.
/// </summary>
public sealed class PostContribution(CoProduceDbContext db, WorkshopAccess access)
{
    public async Task<Result<Contribution>> HandleAsync(SessionToken token, ActivityId activityId, ContributionDraft draft, CancellationToken cancellationToken = default)
    {
        var seat = await access.ResolveParticipantAsync(token, requireAdmitted: true, cancellationToken);
        if (!seat.TryGetValue(out var s))
        {
            return Result<Contribution>.Failure(seat.Errors);
        }

        var current = await access.CurrentActivityAsync(s.Workshop, activityId, cancellationToken);
        if (!current.TryGetValue(out var activity))
        {
            return Result<Contribution>.Failure(current.Errors);
        }

        var allowed = activity.Kind switch
        {
            ActivityKind.IdeaBoard => draft.Kind == ContributionKind.Idea,
            ActivityKind.OutcomeFramework => draft.Kind != ContributionKind.Idea,
            _ => false,
        };
        if (!allowed)
        {
            return new Error(ErrorCodes.ActivityWrongKind, "kind");
        }

        var text = ShortText.Contribution(draft.Text, "text");
        if (!text.TryGetValue(out var clean))
        {
            return Result<Contribution>.Failure(text.Errors);
        }

        ContributionId? parent = null;
        string? target = null;
        if (draft.Kind == ContributionKind.Comment)
        {
            var exists = draft.ParentId is { } p && await db.WorkshopContributions.AnyAsync(c => c.Id == p && c.ActivityId == activityId && c.Kind != ContributionKind.Comment, cancellationToken);
            if (!exists)
            {
                return new Error(ErrorCodes.ContributionNotFound, "parentId");
            }

            parent = draft.ParentId;
        }
        else if (draft.Kind == ContributionKind.IndicatorProposal)
        {
            var framework = activity.Settings.FrameworkId is { } f ? await db.OutcomeFrameworks.AsNoTracking().SingleOrDefaultAsync(x => x.Id == f, cancellationToken) : null;
            if (framework is null || !framework.Document.Outcomes.Any(o => o.Key == draft.TargetKey))
            {
                return new Error(ErrorCodes.FrameworkEntryNotFound, "targetKey");
            }

            target = draft.TargetKey;
        }

        var status = activity.Settings.PreModeration ? ContributionStatus.Pending : ContributionStatus.Approved;
        for (var attempt = 0; ; attempt++)
        {
            var number = await db.WorkshopContributions.Where(c => c.WorkshopId == s.Workshop.Id).Select(c => (int?)c.Number).MaxAsync(cancellationToken) ?? 0;
            var contribution = new Contribution(ContributionId.New(), s.Workshop.Id, activityId, number + 1, draft.Kind, clean, s.Participant.Language, status, parent, target);
            db.WorkshopContributions.Add(contribution);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return contribution;
            }
            catch (DbUpdateException) when (attempt < 8)
            {
                // Someone else took this number at the same moment: take the next one.
                db.Entry(contribution).State = EntityState.Detached;
            }
        }
    }
}
