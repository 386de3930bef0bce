using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

public enum ModerationCommand
{
    Approve,
    Hide,

    /// <summary>Fold a duplicate into another idea of the same board (<c>MergeInto</c>).</summary>
    Merge,

    /// <summary>Put an idea in a theme (<c>Theme</c>; empty removes it from its theme).</summary>
    SetTheme,
}

public sealed record Moderation(ModerationCommand Command, ContributionId? MergeInto = null, string? Theme = null);

/// <summary>A facilitator approves, hides, merges or groups what participants wrote.</summary>
public sealed class ModerateContribution(CoProduceDbContext db, WorkshopAccess access, IAuditLog audit)
{
    public async Task<Result<Contribution>> HandleAsync(StaffActor actor, WorkshopId workshopId, ContributionId id, Moderation moderation, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeFacilitatorAsync(actor, workshopId, cancellationToken);
        if (authorized.IsFailure)
        {
            return Result<Contribution>.Failure(authorized.Errors);
        }

        var contribution = await db.WorkshopContributions.SingleOrDefaultAsync(c => c.Id == id && c.WorkshopId == workshopId, cancellationToken);
        if (contribution is null)
        {
            return new Error(ErrorCodes.ContributionNotFound, "contributionId");
        }

        switch (moderation.Command)
        {
            case ModerationCommand.Approve:
                contribution.SetStatus(ContributionStatus.Approved);
                break;
            case ModerationCommand.Hide:
                contribution.SetStatus(ContributionStatus.Hidden);
                break;
            case ModerationCommand.Merge:
                var target = moderation.MergeInto is { } t
                    ? await db.WorkshopContributions.SingleOrDefaultAsync(c => c.Id == t && c.ActivityId == contribution.ActivityId && c.Kind == contribution.Kind && c.Status != ContributionStatus.Merged, cancellationToken)
                    : null;
                if (target is null || target.Id == contribution.Id)
                {
                    return new Error(ErrorCodes.ContributionInvalidMerge, "mergeInto");
                }

                contribution.MergeInto(target.Id);
                // Ideas already merged into this one follow it to the new target.
                await db.WorkshopContributions.Where(c => c.MergedIntoId == contribution.Id).ForEachAsync(c => c.MergeInto(target.Id), cancellationToken);
                break;
            default:
                var theme = ShortText.Clean(moderation.Theme);
                if (theme.Length > Contribution.MaxThemeLength)
                {
                    return new Error(ErrorCodes.ContributionTooLong, "theme", [Contribution.MaxThemeLength]);
                }

                contribution.SetTheme(theme.Length == 0 ? null : theme);
                break;
        }

        await audit.RecordAsync(actor, WorkshopAudit.Moderate, WorkshopAudit.SubjectWorkshop, workshopId.ToString(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return contribution;
    }
}
