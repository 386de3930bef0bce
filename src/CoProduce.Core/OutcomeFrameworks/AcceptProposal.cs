using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.OutcomeFrameworks;

/// <summary>
/// A facilitator accepts a participant's outcome or indicator proposal into the framework: a new
/// version with the proposal's words, in the language they were written in; the proposal is marked
/// accepted. Indicator details (type, data source…) come from <paramref name="details"/> when given.
/// </summary>
public sealed class AcceptProposal(CoProduceDbContext db, WorkshopAccess workshops, FrameworkAccess frameworks, TimeProvider time, IAuditLog audit)
{
    public async Task<Result<FrameworkChanged>> HandleAsync(StaffActor actor, WorkshopId workshopId, ContributionId proposalId, FrameworkEdit? details = null, CancellationToken cancellationToken = default)
    {
        var authorized = await workshops.AuthorizeFacilitatorAsync(actor, workshopId, cancellationToken);
        if (authorized.IsFailure)
        {
            return Result<FrameworkChanged>.Failure(authorized.Errors);
        }

        var proposal = await db.WorkshopContributions.SingleOrDefaultAsync(c => c.Id == proposalId && c.WorkshopId == workshopId, cancellationToken);
        if (proposal is null || proposal.Kind is not (ContributionKind.OutcomeProposal or ContributionKind.IndicatorProposal) || proposal.Status == ContributionStatus.Accepted)
        {
            return new Error(ErrorCodes.ContributionNotFound, "proposalId");
        }

        var activity = await db.WorkshopActivities.AsNoTracking().SingleAsync(a => a.Id == proposal.ActivityId, cancellationToken);
        if (activity.Settings.FrameworkId is not { } frameworkId)
        {
            return new Error(ErrorCodes.FrameworkNotFound);
        }

        var framework = await frameworks.AuthorizeAsync(actor, frameworkId, change: true, cancellationToken);
        if (!framework.TryGetValue(out var f))
        {
            return Result<FrameworkChanged>.Failure(framework.Errors);
        }

        var text = FrameworkText.In(proposal.Language, proposal.Text);
        var edit = proposal.Kind == ContributionKind.OutcomeProposal
            ? (details ?? new FrameworkEdit(FrameworkOperation.AddOutcome)) with { Operation = FrameworkOperation.AddOutcome, Text = text }
            : (details ?? new FrameworkEdit(FrameworkOperation.AddIndicator)) with { Operation = FrameworkOperation.AddIndicator, Key = proposal.TargetKey, Text = text };
        var applied = FrameworkEditor.Apply(f.Document, edit, await frameworks.WellbeingCodesAsync(cancellationToken));
        if (!applied.TryGetValue(out var change))
        {
            return Result<FrameworkChanged>.Failure(applied.Errors);
        }

        proposal.SetStatus(ContributionStatus.Accepted);
        await audit.RecordAsync(actor, WorkshopAudit.EditFramework, WorkshopAudit.SubjectFramework, frameworkId.ToString(), cancellationToken);
        return await EditOutcomeFramework.SaveAsync(db, f, change.Document, change.Summary, workshopId, time, cancellationToken);
    }
}
