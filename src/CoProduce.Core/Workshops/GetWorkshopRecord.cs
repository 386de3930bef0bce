using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Core.Workshops;

/// <summary>A count in a record; <see cref="Value"/> is null when it is suppressed.</summary>
public readonly record struct RecordCount(int? Value)
{
    public bool Suppressed => Value is null;

    public static RecordCount Hidden { get; } = new(null);
}

public sealed record RecordConsultation(string Reference, LocalizedText Title);

/// <summary>A poll option, or an item voted on or ranked, with its count (ranking: its score).</summary>
public sealed record RecordItem(string Id, LocalizedText Label, RecordCount Count);

/// <summary>An approved idea with the duplicates the facilitator merged into it. No author, no time.</summary>
public sealed record RecordIdea(int Number, string Text, string Language, IReadOnlyList<RecordIdea> Merged);

/// <param name="Name">Null for ideas not put in a theme.</param>
public sealed record RecordTheme(string? Name, IReadOnlyList<RecordIdea> Ideas);

public sealed record RecordProposal(int Number, ContributionKind Kind, string Text, string Language, RecordCount Support);

/// <param name="VersionReached">The last version saved in this workshop; null when it changed nothing.</param>
public sealed record RecordFramework(OutcomeFrameworkId Id, LocalizedText Title, int? VersionReached, IReadOnlyList<RecordProposal> Accepted);

/// <param name="Voters">How many took part (ballots); null for idea boards.</param>
/// <param name="Items">Poll options, or what was voted on or ranked, with counts.</param>
/// <param name="Themes">Idea boards: the approved ideas by theme.</param>
/// <param name="Framework">Outcome framework activities: what was accepted and the version reached.</param>
public sealed record RecordActivity(
    int Number,
    ActivityKind Kind,
    LocalizedText Title,
    LocalizedText? Prompt,
    LocalizedText? ContentWarning,
    bool MultipleChoice,
    int? Dots,
    RecordCount? Voters,
    IReadOnlyList<RecordItem> Items,
    IReadOnlyList<RecordTheme> Themes,
    RecordFramework? Framework);

/// <summary>
/// What a workshop produced, independent of language (authored text in both languages; participants'
/// words in the language they wrote). It holds no pseudonym, no time and no one's ballot: only
/// counts, suppressed by <see cref="Suppression"/>.
/// </summary>
public sealed record WorkshopRecord(
    WorkshopId Id,
    LocalizedText Title,
    LocalizedText Purpose,
    CommissioningPhase Phase,
    Jurisdiction Jurisdiction,
    DateOnly ScheduledOn,
    RecordConsultation? Consultation,
    LocalizedText GroundRules,
    WorkshopState State,
    RecordCount ParticipantsAdmitted,
    SuppressionRule Suppression,
    IReadOnlyList<RecordActivity> Activities);

/// <summary>
/// The record of a workshop, for its facilitators, administrators and the owning organisation's staff:
/// details, ground rules, every activity in order with its counts, approved ideas by theme, and what
/// the room added to an outcome framework. Hidden and pending contributions never appear.
/// </summary>
public sealed class GetWorkshopRecord(CoProduceDbContext db, WorkshopAccess access, IOptions<WorkshopOptions> options)
{
    private static readonly TimeZoneInfo UkTime = FindUkTime();

    public async Task<Result<WorkshopRecord>> HandleAsync(StaffActor actor, WorkshopId id, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeReaderAsync(actor, id, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result<WorkshopRecord>.Failure(authorized.Errors);
        }

        var rule = SuppressionRule.From(options.Value);
        var activities = await db.WorkshopActivities.AsNoTracking().Where(a => a.WorkshopId == id).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var contributions = await db.WorkshopContributions.AsNoTracking().Where(c => c.WorkshopId == id).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var ballots = (await db.WorkshopBallots.AsNoTracking().Where(b => b.WorkshopId == id).Select(b => new { b.ActivityId, b.Choices }).ToListAsync(cancellationToken))
            .ToLookup(b => b.ActivityId, b => b.Choices);

        var records = new List<RecordActivity>();
        foreach (var activity in activities)
        {
            records.Add(await ActivityAsync(activity, contributions, ballots[activity.Id].ToList(), rule, id, cancellationToken));
        }

        RecordConsultation? consultation = null;
        if (workshop.ConsultationId is { } consultationId)
        {
            consultation = await db.Consultations.AsNoTracking().Where(c => c.Id == consultationId)
                .Select(c => new { c.Reference, c.Details }).SingleOrDefaultAsync(cancellationToken) is { } c
                ? new RecordConsultation(c.Reference, c.Details.Title)
                : null;
        }

        var admitted = await db.WorkshopParticipants.CountAsync(p => p.WorkshopId == id && p.Status == ParticipantStatus.Admitted, cancellationToken);
        return new WorkshopRecord(
            workshop.Id, workshop.Title, workshop.Purpose, workshop.Phase, workshop.Jurisdiction,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(workshop.ScheduledAt, UkTime).DateTime),
            consultation, workshop.GroundRules, workshop.State, rule.Count(admitted), rule, records);
    }

    private async Task<RecordActivity> ActivityAsync(WorkshopActivity activity, IReadOnlyList<Contribution> contributions, IReadOnlyList<IReadOnlyList<string>> ballots, SuppressionRule rule, WorkshopId workshopId, CancellationToken cancellationToken)
    {
        var voters = activity.Kind == ActivityKind.IdeaBoard ? (RecordCount?)null : rule.Count(ballots.Count);
        var tally = Tallies.Compute(activity.Kind, ballots);
        IReadOnlyList<RecordItem> items = [];
        IReadOnlyList<RecordTheme> themes = [];
        RecordFramework? framework = null;
        switch (activity.Kind)
        {
            case ActivityKind.IdeaBoard:
                themes = Themes(contributions.Where(c => c.ActivityId == activity.Id && c.Kind == ContributionKind.Idea).ToList());
                break;
            case ActivityKind.OutcomeFramework:
                var accepted = contributions.Where(c => c.ActivityId == activity.Id && c.Status == ContributionStatus.Accepted).ToList();
                var support = rule.Table(tally, accepted.Select(c => c.Id.ToString()), ballots.Count);
                var proposals = accepted.Select(c => new RecordProposal(c.Number, c.Kind, c.Text, c.Language, support[c.Id.ToString()])).ToList();
                framework = await FrameworkAsync(activity.Settings.FrameworkId, workshopId, proposals, cancellationToken);
                break;
            default:
                var labels = activity.Settings.SourceActivityId is { } source
                    ? contributions.Where(c => c.ActivityId == source && c.Kind == ContributionKind.Idea && c.Status == ContributionStatus.Approved)
                        .Select(c => (Id: c.Id.ToString(), Label: new LocalizedText(c.Text, c.Text))).ToList()
                    : activity.Settings.Options.Select(o => (o.Id, o.Label)).ToList();
                var counts = rule.Table(tally, labels.Select(l => l.Id), ballots.Count);
                items = labels.Select(l => new RecordItem(l.Id, l.Label, counts[l.Id])).ToList();
                break;
        }

        return new RecordActivity(
            activity.Number, activity.Kind, activity.Title, activity.Prompt, activity.ContentWarning,
            activity.Kind == ActivityKind.Poll && activity.Settings.MultipleChoice, activity.Kind == ActivityKind.DotVoting ? activity.Settings.Dots : null,
            voters, items, themes, framework);
    }

    private async Task<RecordFramework?> FrameworkAsync(OutcomeFrameworkId? id, WorkshopId workshopId, IReadOnlyList<RecordProposal> accepted, CancellationToken cancellationToken)
    {
        if (id is not { } frameworkId)
        {
            return null;
        }

        var framework = await db.OutcomeFrameworks.AsNoTracking().Where(f => f.Id == frameworkId).Select(f => new { f.Title }).SingleOrDefaultAsync(cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var reached = await db.OutcomeFrameworkVersions.AsNoTracking().Where(v => v.FrameworkId == frameworkId && v.WorkshopId == workshopId).MaxAsync(v => (int?)v.Version, cancellationToken);
        return new RecordFramework(frameworkId, framework.Title, reached, accepted);
    }

    /// <summary>
    /// Approved ideas, each with the duplicates merged into it, grouped by theme in the order the
    /// themes first appear; ideas without a theme last. Hidden and pending ideas (and duplicates of
    /// them) are left out.
    /// </summary>
    private static List<RecordTheme> Themes(IReadOnlyList<Contribution> ideas)
    {
        var merged = ideas.Where(c => c.Status == ContributionStatus.Merged && c.MergedIntoId is not null).ToLookup(c => c.MergedIntoId!.Value); // Filtered to non-null above.
        return ideas.Where(c => c.Status == ContributionStatus.Approved)
            .Select(c => (c.Theme, Idea: new RecordIdea(c.Number, c.Text, c.Language, merged[c.Id].Select(m => new RecordIdea(m.Number, m.Text, m.Language, [])).ToList())))
            .GroupBy(x => x.Theme, StringComparer.Ordinal)
            .OrderBy(g => g.Key is null)
            .Select(g => new RecordTheme(g.Key, g.Select(x => x.Idea).ToList()))
            .ToList();
    }

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without tz data, UTC is at most an hour out on the date of a daytime session.
            return TimeZoneInfo.Utc;
        }
    }
}
