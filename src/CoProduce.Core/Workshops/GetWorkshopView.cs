using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>Something to choose, vote on or rank: an authored option or an approved idea.</summary>
public sealed record ItemView(string Id, LocalizedText Label);

public sealed record ContributionView(ContributionId Id, int Number, ContributionKind Kind, string Text, string Language, ContributionStatus Status, string? Theme, ContributionId? MergedIntoId, ContributionId? ParentId, string? TargetKey);

/// <param name="Tally">Null when the room may not see it yet (a poll before it is revealed).</param>
public sealed record ActivityView(
    ActivityId Id,
    int Number,
    ActivityKind Kind,
    LocalizedText Title,
    LocalizedText? Prompt,
    LocalizedText? ContentWarning,
    bool MultipleChoice,
    int Dots,
    bool PreModeration,
    bool ResultsRevealed,
    bool Closed,
    IReadOnlyList<ItemView> Items,
    IReadOnlyDictionary<string, int>? Tally,
    int Voters,
    OutcomeFrameworkId? FrameworkId);

/// <summary>What facilitators see of a participant: never more than what they chose to give.</summary>
public sealed record ParticipantView(ParticipantId Id, string? Pseudonym, string Language, ParticipantStatus Status, SupportSignal Signal);

/// <summary>
/// The whole room as one viewer may see it, read from storage: what a (re)connecting client gets.
/// Participants see the current activity only, the room's visible contributions, and their own ballot;
/// facilitators see every activity, pending contributions and the participants.
/// </summary>
public sealed record WorkshopView(
    WorkshopId Id,
    LocalizedText Title,
    LocalizedText Purpose,
    LocalizedText GroundRules,
    LocalizedText SupportInformation,
    WorkshopState State,
    int Revision,
    bool AdmissionRequired,
    ActivityView? Current,
    IReadOnlyList<ActivityView> Activities,
    IReadOnlyList<ContributionView> Contributions,
    FrameworkDocument? Framework,
    int? FrameworkVersion,
    IReadOnlyList<string>? YourBallot,
    ParticipantId? You,
    ParticipantStatus? YourStatus,
    int ParticipantCount,
    IReadOnlyList<ParticipantView> Participants);

/// <summary>Reads a workshop's current state for a participant or a facilitator.</summary>
public sealed class GetWorkshopView(CoProduceDbContext db, WorkshopAccess access)
{
    public async Task<Result<WorkshopView>> ForParticipantAsync(SessionToken token, CancellationToken cancellationToken = default)
    {
        var seat = await access.ResolveParticipantAsync(token, requireAdmitted: false, cancellationToken);
        if (!seat.TryGetValue(out var s))
        {
            return Result<WorkshopView>.Failure(seat.Errors);
        }

        return await BuildAsync(s.Workshop, s.Participant, facilitator: false, cancellationToken);
    }

    public async Task<Result<WorkshopView>> ForFacilitatorAsync(StaffActor actor, WorkshopId id, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeFacilitatorAsync(actor, id, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result<WorkshopView>.Failure(authorized.Errors);
        }

        return await BuildAsync(workshop, null, facilitator: true, cancellationToken);
    }

    private async Task<WorkshopView> BuildAsync(Workshop workshop, Participant? participant, bool facilitator, CancellationToken cancellationToken)
    {
        var admitted = facilitator || participant?.Status == ParticipantStatus.Admitted;
        var activities = await db.WorkshopActivities.AsNoTracking().Where(a => a.WorkshopId == workshop.Id).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var current = admitted && workshop.State != WorkshopState.Ended ? activities.SingleOrDefault(a => a.Id == workshop.CurrentActivityId) : null;
        var views = new List<ActivityView>();
        foreach (var activity in facilitator ? activities : current is null ? [] : [current])
        {
            views.Add(await ActivityAsync(activity, facilitator, cancellationToken));
        }

        var contributions = new List<ContributionView>();
        FrameworkDocument? framework = null;
        int? frameworkVersion = null;
        IReadOnlyList<string>? ballot = null;
        if (current is not null)
        {
            var query = db.WorkshopContributions.AsNoTracking().Where(c => c.ActivityId == current.Id);
            if (!facilitator)
            {
                query = query.Where(c => c.Status == ContributionStatus.Approved || c.Status == ContributionStatus.Accepted);
            }

            contributions = (await query.OrderBy(c => c.Number).ToListAsync(cancellationToken)).Select(ToView).ToList();
            if (current.Settings.FrameworkId is { } frameworkId)
            {
                var f = await db.OutcomeFrameworks.AsNoTracking().SingleOrDefaultAsync(x => x.Id == frameworkId, cancellationToken);
                framework = f?.Document;
                frameworkVersion = f?.Version;
            }

            if (participant is not null)
            {
                ballot = await db.WorkshopBallots.AsNoTracking().Where(b => b.ActivityId == current.Id && b.ParticipantId == participant.Id).Select(b => b.Choices).SingleOrDefaultAsync(cancellationToken);
            }
        }

        var participants = facilitator
            ? (await db.WorkshopParticipants.AsNoTracking().Where(p => p.WorkshopId == workshop.Id && p.Status != ParticipantStatus.Removed).ToListAsync(cancellationToken))
                .Select(p => new ParticipantView(p.Id, p.Pseudonym, p.Language, p.Status, p.Signal)).OrderBy(p => p.Pseudonym, StringComparer.CurrentCulture).ToList()
            : [];
        var count = await db.WorkshopParticipants.CountAsync(p => p.WorkshopId == workshop.Id && p.Status == ParticipantStatus.Admitted, cancellationToken);
        var currentView = current is null ? null : views.Single(v => v.Id == current.Id);
        return new WorkshopView(
            workshop.Id, workshop.Title, workshop.Purpose, workshop.GroundRules, workshop.SupportInformation, workshop.State, workshop.Revision, workshop.AdmissionRequired,
            currentView, views, contributions, framework, frameworkVersion, ballot, participant?.Id, participant?.Status, count, participants);
    }

    /// <summary>An activity with its items and, where the viewer may see it, its tally.</summary>
    public async Task<ActivityView> ActivityAsync(WorkshopActivity activity, bool facilitator, CancellationToken cancellationToken)
    {
        var items = activity.Settings.Options.Select(o => new ItemView(o.Id, o.Label)).ToList();
        if (activity.Settings.SourceActivityId is { } source)
        {
            items = (await db.WorkshopContributions.AsNoTracking().Where(c => c.ActivityId == source && c.Kind == ContributionKind.Idea && c.Status == ContributionStatus.Approved).OrderBy(c => c.Number).ToListAsync(cancellationToken))
                .Select(c => new ItemView(c.Id.ToString(), new LocalizedText(c.Text, c.Text))).ToList();
        }

        var ballots = await db.WorkshopBallots.AsNoTracking().Where(b => b.ActivityId == activity.Id).Select(b => b.Choices).ToListAsync(cancellationToken);
        var visible = facilitator || activity.Kind != ActivityKind.Poll || activity.ResultsRevealed;
        var tally = visible && activity.Kind != ActivityKind.IdeaBoard ? Tallies.Compute(activity.Kind, ballots) : null;
        return new ActivityView(
            activity.Id, activity.Number, activity.Kind, activity.Title, activity.Prompt, activity.ContentWarning, activity.Settings.MultipleChoice, activity.Settings.Dots,
            activity.Settings.PreModeration, activity.ResultsRevealed, activity.Closed, items, tally, ballots.Count, activity.Settings.FrameworkId);
    }

    public static ContributionView ToView(Contribution c) => new(c.Id, c.Number, c.Kind, c.Text, c.Language, c.Status, c.Theme, c.MergedIntoId, c.ParentId, c.TargetKey);
}
