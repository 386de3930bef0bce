using System.Text.Json.Serialization;
using CoProduce.Core.Consultations;

namespace CoProduce.Core.OutcomeFrameworks;

[JsonConverter(typeof(JsonStringEnumConverter<WellbeingReferenceKind>))]
public enum WellbeingReferenceKind
{
    /// <summary>One of the seven well-being goals (Well-being of Future Generations (Wales) Act 2015).</summary>
    Goal,

    /// <summary>One of the five ways of working (same Act).</summary>
    WayOfWorking,
}

public sealed record WellbeingReferenceItem(string Code, WellbeingReferenceKind Kind, int SortOrder, LocalizedText Name);

/// <summary>
/// The Welsh reference data outcomes are mapped to. Seeded into <c>wellbeing_reference</c> by the
/// workshops migration; administrators may add rows there.
/// </summary>
public static class WellbeingReference
{
    public static IReadOnlyList<WellbeingReferenceItem> Goals { get; } =
    [
        new("goal.prosperous", WellbeingReferenceKind.Goal, 1, new("A prosperous Wales", "Cymru lewyrchus")),
        new("goal.resilient", WellbeingReferenceKind.Goal, 2, new("A resilient Wales", "Cymru gydnerth")),
        new("goal.healthier", WellbeingReferenceKind.Goal, 3, new("A healthier Wales", "Cymru iachach")),
        new("goal.more-equal", WellbeingReferenceKind.Goal, 4, new("A more equal Wales", "Cymru sy'n fwy cyfartal")),
        new("goal.cohesive-communities", WellbeingReferenceKind.Goal, 5, new("A Wales of cohesive communities", "Cymru o gymunedau cydlynus")),
        new("goal.culture-language", WellbeingReferenceKind.Goal, 6, new("A Wales of vibrant culture and thriving Welsh language", "Cymru â diwylliant bywiog lle mae'r Gymraeg yn ffynnu")),
        new("goal.globally-responsible", WellbeingReferenceKind.Goal, 7, new("A globally responsible Wales", "Cymru sy'n gyfrifol ar lefel fyd-eang")),
    ];

    public static IReadOnlyList<WellbeingReferenceItem> WaysOfWorking { get; } =
    [
        new("way.long-term", WellbeingReferenceKind.WayOfWorking, 1, new("Long term", "Hirdymor")),
        new("way.prevention", WellbeingReferenceKind.WayOfWorking, 2, new("Prevention", "Atal")),
        new("way.integration", WellbeingReferenceKind.WayOfWorking, 3, new("Integration", "Integreiddio")),
        new("way.collaboration", WellbeingReferenceKind.WayOfWorking, 4, new("Collaboration", "Cydweithio")),
        new("way.involvement", WellbeingReferenceKind.WayOfWorking, 5, new("Involvement", "Cynnwys")),
    ];

    public static IReadOnlyList<WellbeingReferenceItem> All { get; } = [.. Goals, .. WaysOfWorking];
}
