using System.Text.Json.Serialization;
using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;

namespace CoProduce.Core.Workshops;

[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
public enum ActivityKind
{
    /// <summary>Single or multiple choice; results shown when the facilitator reveals them.</summary>
    Poll,

    /// <summary>Short ideas, optionally pre-moderated, grouped into themes.</summary>
    IdeaBoard,

    /// <summary>Each participant places N dots on items (options or an idea board's approved ideas).</summary>
    DotVoting,

    /// <summary>Each participant puts items in order.</summary>
    Ranking,

    /// <summary>Building an outcome framework: proposals, comments, support, facilitator acceptance.</summary>
    OutcomeFramework,
}

/// <summary>One thing to choose, vote on or rank, authored in both languages.</summary>
public sealed record ActivityOption(string Id, LocalizedText Label);

/// <summary>How an activity behaves; only the fields of its kind are used.</summary>
public sealed record ActivitySettings
{
    public const int MaxOptions = 20;
    public const int MaxDots = 10;

    public IReadOnlyList<ActivityOption> Options { get; init; } = [];

    /// <summary>Poll: more than one option may be chosen.</summary>
    public bool MultipleChoice { get; init; }

    /// <summary>Dot voting: dots per participant.</summary>
    public int Dots { get; init; } = 3;

    /// <summary>Idea board and framework proposals: nothing shows to the room until approved.</summary>
    public bool PreModeration { get; init; }

    /// <summary>Dot voting or ranking over the approved ideas of this idea board instead of options.</summary>
    public ActivityId? SourceActivityId { get; init; }

    /// <summary>Outcome framework activities: the framework being built or continued.</summary>
    public OutcomeFrameworkId? FrameworkId { get; init; }
}

/// <summary>An activity in a workshop, prepared in advance or added on the fly.</summary>
public sealed class WorkshopActivity
{
    private WorkshopActivity()
    {
        // For EF Core materialisation.
        Title = null!;    // Set by EF Core from the JSON column before use.
        Settings = null!; // Likewise.
    }

    public WorkshopActivity(ActivityId id, WorkshopId workshopId, int number, ActivityKind kind, LocalizedText title, LocalizedText? prompt, LocalizedText? contentWarning, ActivitySettings settings)
    {
        Id = id;
        WorkshopId = workshopId;
        Number = number;
        Kind = kind;
        Title = title;
        Prompt = prompt;
        ContentWarning = contentWarning;
        Settings = settings;
    }

    public ActivityId Id { get; private set; }

    public WorkshopId WorkshopId { get; private set; }

    /// <summary>Order within the workshop, from 1.</summary>
    public int Number { get; private set; }

    public ActivityKind Kind { get; private set; }

    public LocalizedText Title { get; private set; }

    public LocalizedText? Prompt { get; private set; }

    /// <summary>Shown before the activity; participants can skip it.</summary>
    public LocalizedText? ContentWarning { get; private set; }

    public ActivitySettings Settings { get; private set; }

    public bool ResultsRevealed { get; private set; }

    /// <summary>No more votes or contributions.</summary>
    public bool Closed { get; private set; }

    public void Reveal(bool revealed) => ResultsRevealed = revealed;

    public void Close(bool closed) => Closed = closed;

    /// <summary>A new place in the running order (see <c>MoveActivity</c>).</summary>
    public void Renumber(int number) => Number = number;

    public void Edit(LocalizedText title, LocalizedText? prompt, LocalizedText? contentWarning, ActivitySettings settings)
    {
        Title = title;
        Prompt = prompt;
        ContentWarning = contentWarning;
        Settings = settings;
    }
}
