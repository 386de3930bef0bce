using System.Text.Json.Serialization;

namespace CoProduce.Core.Consultations;

/// <summary>
/// The questions of a consultation. When <see cref="EqualityMonitoring"/> is on, the built-in equality
/// monitoring section (<see cref="Consultations.EqualityMonitoring"/>) follows the authored sections.
/// </summary>
public sealed record Questionnaire
{
    public IReadOnlyList<Section> Sections { get; init; } = [];

    public bool EqualityMonitoring { get; init; }

    /// <summary>The authored sections plus, when switched on, the equality section for the jurisdiction.</summary>
    public IReadOnlyList<Section> AllSections(Jurisdiction jurisdiction) => EqualityMonitoring
        ? [.. Sections, Consultations.EqualityMonitoring.Section(jurisdiction)]
        : Sections;

    public Section? FindSection(Jurisdiction jurisdiction, SectionId id) =>
        AllSections(jurisdiction).FirstOrDefault(s => s.Id == id);

    /// <summary>Every question, in order, with its section.</summary>
    public IEnumerable<(Section Section, Question Question)> AllQuestions(Jurisdiction jurisdiction) =>
        AllSections(jurisdiction).SelectMany(s => s.Questions.Select(q => (s, q)));
}

public sealed record Section
{
    public required SectionId Id { get; init; }

    public required LocalizedText Title { get; init; }

    public LocalizedText? Intro { get; init; }

    /// <summary>
    /// When set, the respondent first sees an interruption page with this text and may skip the section.
    /// </summary>
    public LocalizedText? ContentWarning { get; init; }

    public IReadOnlyList<Question> Questions { get; init; } = [];

    /// <summary>Only content-warned sections offer a skip.</summary>
    [JsonIgnore]
    public bool CanBeSkipped => ContentWarning is not null;
}

[JsonConverter(typeof(JsonStringEnumConverter<QuestionType>))]
public enum QuestionType
{
    SingleChoice,
    MultipleChoice,
    ShortText,
    LongText,
    Scale,
    YesNoNotSure,
    Ranking,
    Number,
}

public sealed record Question
{
    /// <summary>Documented default limit for short text answers, in characters.</summary>
    public const int DefaultShortTextMaxLength = 500;

    /// <summary>Documented default limit for long text answers, in characters.</summary>
    public const int DefaultLongTextMaxLength = 5000;

    /// <summary>Longest limit an author may set.</summary>
    public const int MaxAllowedLength = 20000;

    public required QuestionId Id { get; init; }

    public required QuestionType Type { get; init; }

    public required LocalizedText Text { get; init; }

    public LocalizedText? Hint { get; init; }

    /// <summary>Choices for single/multiple choice and ranking. Yes/no/not sure has fixed options.</summary>
    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    /// <summary>Off by default: every question is optional unless there is a real reason.</summary>
    public bool Required { get; init; }

    /// <summary>Why an answer is needed; shown to the respondent. Required when <see cref="Required"/> is on.</summary>
    public LocalizedText? RequiredReason { get; init; }

    /// <summary>Character limit for text answers; defaults per type when absent.</summary>
    public int? MaxLength { get; init; }

    public ScaleSettings? Scale { get; init; }

    public NumberSettings? Number { get; init; }

    /// <summary>Show this question only when another question's answer is one of some values.</summary>
    public DisplayCondition? ShowWhen { get; init; }

    /// <summary>Effective character limit for text questions.</summary>
    [JsonIgnore]
    public int EffectiveMaxLength => MaxLength ?? (Type == QuestionType.LongText ? DefaultLongTextMaxLength : DefaultShortTextMaxLength);

    /// <summary>The options a respondent picks from (fixed for yes/no/not sure).</summary>
    [JsonIgnore]
    public IReadOnlyList<ChoiceOption> EffectiveOptions => Type == QuestionType.YesNoNotSure ? ChoiceOption.YesNoNotSure : Options;

    [JsonIgnore]
    public bool IsText => Type is QuestionType.ShortText or QuestionType.LongText;

    [JsonIgnore]
    public bool HasOptions => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Ranking or QuestionType.YesNoNotSure;
}

/// <summary>
/// A choice. <see cref="Exclusive"/> options ("prefer not to say", "none of these") cannot be combined
/// with others in a multiple-choice answer.
/// </summary>
public sealed record ChoiceOption(string Value, LocalizedText Label)
{
    public bool Exclusive { get; init; }

    /// <summary>Values of the fixed yes/no/not sure options.</summary>
    public const string Yes = "yes";
    public const string No = "no";
    public const string NotSure = "not-sure";

    public static IReadOnlyList<ChoiceOption> YesNoNotSure { get; } =
    [
        new(Yes, new("Yes", "Ie")),
        new(No, new("No", "Na")),
        new(NotSure, new("Not sure", "Ddim yn siŵr")),
    ];
}

/// <summary>A whole-number scale from <see cref="Min"/> to <see cref="Max"/> with end labels.</summary>
public sealed record ScaleSettings(int Min, int Max, LocalizedText MinLabel, LocalizedText MaxLabel);

/// <summary>Limits for a number question.</summary>
public sealed record NumberSettings
{
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public bool IntegerOnly { get; init; }

    /// <summary>A unit shown after the box, e.g. "miles", "weeks".</summary>
    public LocalizedText? Unit { get; init; }
}

/// <summary>
/// Show the question when the answer to <see cref="Question"/> equals any of <see cref="AnyOf"/>
/// (for multiple choice: when any chosen value is in the list).
/// </summary>
public sealed record DisplayCondition(QuestionId Question, IReadOnlyList<string> AnyOf);
