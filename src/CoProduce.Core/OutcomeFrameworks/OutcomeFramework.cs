using System.Text.Json.Serialization;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Workshops;

namespace CoProduce.Core.OutcomeFrameworks;

public readonly record struct OutcomeFrameworkId(Guid Value)
{
    public static OutcomeFrameworkId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

[JsonConverter(typeof(JsonStringEnumConverter<IndicatorType>))]
public enum IndicatorType
{
    Input,
    Output,
    Outcome,
    Kpi,
}

[JsonConverter(typeof(JsonStringEnumConverter<IndicatorNature>))]
public enum IndicatorNature
{
    Subjective,
    Objective,
}

[JsonConverter(typeof(JsonStringEnumConverter<ReportingFrequency>))]
public enum ReportingFrequency
{
    Monthly,
    Quarterly,
    SixMonthly,
    Annually,
    EndOfService,
}

/// <summary>
/// Text of a framework entry. It is written in one language in the room and may be translated later,
/// so either side may be empty; <see cref="Get"/> falls back to the other language.
/// </summary>
public sealed record FrameworkText(string En, string Cy)
{
    public string Get(System.Globalization.CultureInfo culture)
    {
        var welsh = culture.TwoLetterISOLanguageName.Equals("cy", StringComparison.OrdinalIgnoreCase);
        var preferred = welsh ? Cy : En;
        return string.IsNullOrWhiteSpace(preferred) ? (welsh ? En : Cy) : preferred;
    }

    public static FrameworkText In(string language, string text) => language == "cy" ? new("", text) : new(text, "");
}

public sealed record FrameworkMeasure(string Key, FrameworkText Description, string? Target);

public sealed record FrameworkIndicator(
    string Key,
    FrameworkText Statement,
    IndicatorType Type,
    IndicatorNature Nature,
    string? DataSource,
    ReportingFrequency Frequency,
    string? WhoReports,
    IReadOnlyList<FrameworkMeasure> Measures);

/// <param name="WellbeingGoals">Codes of the seven well-being goals (Wales) the outcome contributes to.</param>
/// <param name="WaysOfWorking">Codes of the five ways of working (Wales) it shows.</param>
public sealed record FrameworkOutcome(
    string Key,
    FrameworkText Statement,
    IReadOnlyList<string> WellbeingGoals,
    IReadOnlyList<string> WaysOfWorking,
    IReadOnlyList<FrameworkIndicator> Indicators);

/// <summary>The framework's content at one version. Immutable: each change makes a new document.</summary>
public sealed record FrameworkDocument(IReadOnlyList<FrameworkOutcome> Outcomes, int NextKey)
{
    public static FrameworkDocument Empty { get; } = new([], 1);
}

/// <summary>
/// An outcome framework co-designed in workshops: outcomes → indicators → measures. Every change
/// writes a new <see cref="OutcomeFrameworkVersion"/>; a later workshop can continue it.
/// </summary>
public sealed class OutcomeFramework
{
    private OutcomeFramework()
    {
        // For EF Core materialisation.
        Title = null!;    // Set by EF Core from the JSON column before use.
        Document = null!; // Likewise.
    }

    public OutcomeFramework(OutcomeFrameworkId id, LocalizedText title, Jurisdiction jurisdiction, OrganisationId ownerOrganisationId)
    {
        Id = id;
        Title = title;
        Jurisdiction = jurisdiction;
        OwnerOrganisationId = ownerOrganisationId;
        Document = FrameworkDocument.Empty;
    }

    public OutcomeFrameworkId Id { get; private set; }

    public LocalizedText Title { get; private set; }

    public Jurisdiction Jurisdiction { get; private set; }

    public OrganisationId OwnerOrganisationId { get; private set; }

    /// <summary>0 when empty; each change adds one. Also the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public FrameworkDocument Document { get; private set; }

    public OutcomeFrameworkVersion Apply(FrameworkDocument document, string summary, WorkshopId? workshopId, DateOnly savedOn)
    {
        Document = document;
        Version++;
        return new OutcomeFrameworkVersion(Id, Version, document, summary, workshopId, savedOn);
    }
}

/// <summary>One saved version of a framework, with what changed (a short text) and where.</summary>
public sealed class OutcomeFrameworkVersion
{
    private OutcomeFrameworkVersion()
    {
        // For EF Core materialisation.
        Document = null!; // Set by EF Core from the JSON column before use.
        Summary = "";
    }

    public OutcomeFrameworkVersion(OutcomeFrameworkId frameworkId, int version, FrameworkDocument document, string summary, WorkshopId? workshopId, DateOnly savedOn)
    {
        FrameworkId = frameworkId;
        Version = version;
        Document = document;
        Summary = summary;
        WorkshopId = workshopId;
        SavedOn = savedOn;
    }

    public OutcomeFrameworkId FrameworkId { get; private set; }

    public int Version { get; private set; }

    public FrameworkDocument Document { get; private set; }

    public string Summary { get; private set; }

    public WorkshopId? WorkshopId { get; private set; }

    /// <summary>The date only: versions made in a live session must not time participants' words.</summary>
    public DateOnly SavedOn { get; private set; }
}
