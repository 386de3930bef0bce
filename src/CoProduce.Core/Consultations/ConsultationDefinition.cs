using System.Text.Json.Serialization;

namespace CoProduce.Core.Consultations;

/// <summary>
/// A consultation as authored in a JSON file (see <c>docs/consultation-definitions.md</c> and
/// <c>docs/consultation-definition.schema.json</c>). Property names are camelCase in the file.
/// </summary>
public sealed record ConsultationDefinition
{
    /// <summary>The optional <c>$schema</c> pointer editors use; ignored.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required string Reference { get; init; }

    public required LocalizedText Title { get; init; }

    public required LocalizedText Summary { get; init; }

    public required LocalizedText Body { get; init; }

    public required LocalizedText IssuingBody { get; init; }

    public LocalizedText? NeutralPageTitle { get; init; }

    public required DateOnly IssuedOn { get; init; }

    public required DateTimeOffset OpensAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    public required Audience Audience { get; init; }

    public required Jurisdiction Jurisdiction { get; init; }

    public required CommissioningPhase Phase { get; init; }

    public IReadOnlyList<string> FormsOfViolence { get; init; } = [];

    /// <summary>When true, the consultation waits for approval before it can be scheduled.</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>
    /// When true (default) the imported consultation is scheduled (or awaits approval) and opens by
    /// itself at <see cref="OpensAt"/>; when false it stays a draft.
    /// </summary>
    public bool Publish { get; init; } = true;

    public required HowToRespond HowToRespond { get; init; }

    public required ContactDetails Contact { get; init; }

    public IReadOnlyList<ReadAlongsideDocument> Documents { get; init; } = [];

    public required DataProtectionNotice DataProtection { get; init; }

    public required Questionnaire Questionnaire { get; init; }

    public ConsultationDetails ToDetails() => new()
    {
        Title = Title,
        Summary = Summary,
        Body = Body,
        IssuingBody = IssuingBody,
        NeutralPageTitle = NeutralPageTitle,
        FormsOfViolence = FormsOfViolence,
        HowToRespond = HowToRespond,
        Contact = Contact,
        Documents = Documents,
        DataProtection = DataProtection,
    };
}
