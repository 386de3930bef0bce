using System.Text.Json.Serialization;

namespace CoProduce.Core.Workshops;

[JsonConverter(typeof(JsonStringEnumConverter<ContributionKind>))]
public enum ContributionKind
{
    Idea,
    OutcomeProposal,
    IndicatorProposal,
    Comment,
}

[JsonConverter(typeof(JsonStringEnumConverter<ContributionStatus>))]
public enum ContributionStatus
{
    /// <summary>Waiting for the facilitator (pre-moderation).</summary>
    Pending,
    Approved,
    Hidden,

    /// <summary>A duplicate folded into another idea (<see cref="Contribution.MergedIntoId"/>).</summary>
    Merged,

    /// <summary>A proposal the facilitator accepted into the outcome framework.</summary>
    Accepted,
}

/// <summary>
/// Something a participant wrote in an activity. It carries no author and no time: only the
/// workshop, the activity, a running number for order, the sanitised text and its moderation state.
/// </summary>
public sealed class Contribution
{
    public const int MaxTextLength = 280;
    public const int MaxThemeLength = 80;

    private Contribution()
    {
        // For EF Core materialisation.
        Text = "";
        Language = "en";
    }

    public Contribution(ContributionId id, WorkshopId workshopId, ActivityId activityId, int number, ContributionKind kind, string text, string language, ContributionStatus status, ContributionId? parentId = null, string? targetKey = null)
    {
        Id = id;
        WorkshopId = workshopId;
        ActivityId = activityId;
        Number = number;
        Kind = kind;
        Text = text;
        Language = language;
        Status = status;
        ParentId = parentId;
        TargetKey = targetKey;
    }

    public ContributionId Id { get; private set; }

    public WorkshopId WorkshopId { get; private set; }

    public ActivityId ActivityId { get; private set; }

    /// <summary>Running number within the workshop (1, 2, 3…), for order and for "idea 12".</summary>
    public int Number { get; private set; }

    public ContributionKind Kind { get; private set; }

    public string Text { get; private set; }

    /// <summary>The language it was written in (<c>en</c> or <c>cy</c>).</summary>
    public string Language { get; private set; }

    public ContributionStatus Status { get; private set; }

    /// <summary>Comments: the proposal commented on.</summary>
    public ContributionId? ParentId { get; private set; }

    /// <summary>Indicator proposals: the key of the framework outcome they measure.</summary>
    public string? TargetKey { get; private set; }

    public ContributionId? MergedIntoId { get; private set; }

    public string? Theme { get; private set; }

    public bool IsVisibleToRoom => Status is ContributionStatus.Approved or ContributionStatus.Accepted;

    public void SetStatus(ContributionStatus status) => Status = status;

    public void MergeInto(ContributionId target)
    {
        Status = ContributionStatus.Merged;
        MergedIntoId = target;
    }

    public void SetTheme(string? theme) => Theme = theme;
}

/// <summary>
/// A participant's current ballot in one activity, replaced when they vote again: poll option ids,
/// one entry per dot placed, the ranking in order, or the proposals they support.
/// </summary>
public sealed class Ballot
{
    private Ballot()
    {
        // For EF Core materialisation.
        Choices = [];
    }

    public Ballot(ActivityId activityId, ParticipantId participantId, WorkshopId workshopId, IReadOnlyList<string> choices)
    {
        ActivityId = activityId;
        ParticipantId = participantId;
        WorkshopId = workshopId;
        Choices = choices;
    }

    public ActivityId ActivityId { get; private set; }

    public ParticipantId ParticipantId { get; private set; }

    public WorkshopId WorkshopId { get; private set; }

    public IReadOnlyList<string> Choices { get; private set; }

    public void Replace(IReadOnlyList<string> choices) => Choices = choices;
}
