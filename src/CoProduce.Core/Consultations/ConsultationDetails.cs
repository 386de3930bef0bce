namespace CoProduce.Core.Consultations;

/// <summary>The authored, public content of a consultation (stored as one JSON document).</summary>
public sealed record ConsultationDetails
{
    public required LocalizedText Title { get; init; }

    public required LocalizedText Summary { get; init; }

    /// <summary>Markdown; rendered through the sanitiser by the web layer.</summary>
    public required LocalizedText Body { get; init; }

    public required LocalizedText IssuingBody { get; init; }

    /// <summary>A title shown in the browser tab instead of the real one, for people on shared devices.</summary>
    public LocalizedText? NeutralPageTitle { get; init; }

    /// <summary>Codes from <see cref="FormsOfViolence"/> (or administrator-added ones).</summary>
    public IReadOnlyList<string> FormsOfViolence { get; init; } = [];

    public required HowToRespond HowToRespond { get; init; }

    public required ContactDetails Contact { get; init; }

    public IReadOnlyList<ReadAlongsideDocument> Documents { get; init; } = [];

    public required DataProtectionNotice DataProtection { get; init; }
}

/// <summary>The ways a person may respond. Online is always offered when a questionnaire exists.</summary>
public sealed record HowToRespond
{
    public bool Online { get; init; } = true;

    /// <summary>The address e-mailed responses go to; null when e-mail responses are not invited.</summary>
    public string? Email { get; init; }

    /// <summary>The postal address for responses; null when postal responses are not invited.</summary>
    public LocalizedText? PostalAddress { get; init; }

    public LocalizedText? Notes { get; init; }
}

public sealed record ContactDetails
{
    public required LocalizedText Name { get; init; }

    public string? Email { get; init; }

    public string? Telephone { get; init; }

    public LocalizedText? PostalAddress { get; init; }

    /// <summary>E.g. "Welsh-language calls welcome"; opening hours.</summary>
    public LocalizedText? Notes { get; init; }
}

/// <summary>A document to read alongside the consultation.</summary>
public sealed record ReadAlongsideDocument
{
    public required LocalizedText Title { get; init; }

    /// <summary>Absolute https URL, one per language when they differ.</summary>
    public required LocalizedText Url { get; init; }

    /// <summary>File format, e.g. <c>PDF</c>, <c>HTML</c>, <c>ODT</c>.</summary>
    public required string Format { get; init; }

    public long? SizeBytes { get; init; }

    /// <summary>Alternative formats available on request (large print, Braille, audio, Easy Read, BSL...).</summary>
    public IReadOnlyList<LocalizedText> AlternativeFormats { get; init; } = [];
}

/// <summary>The full data-protection (privacy) notice a consultation must carry.</summary>
public sealed record DataProtectionNotice
{
    public const int DefaultRetentionYears = 3;

    /// <summary>The data controller (name and address).</summary>
    public required LocalizedText Controller { get; init; }

    /// <summary>Data protection officer contact, when the controller has one.</summary>
    public LocalizedText? DataProtectionOfficer { get; init; }

    public required LocalizedText LawfulBasis { get; init; }

    public required LocalizedText WhoSeesResponses { get; init; }

    public required bool ResponsesMayBePublished { get; init; }

    public required LocalizedText Publication { get; init; }

    /// <summary>How names and addresses are redacted on request before publication.</summary>
    public required LocalizedText RedactionOnRequest { get; init; }

    /// <summary>Disclosure under the Freedom of Information Act 2000 / Environmental Information Regulations 2004.</summary>
    public required LocalizedText FreedomOfInformation { get; init; }

    public int RetentionYears { get; init; } = DefaultRetentionYears;

    public LocalizedText? Retention { get; init; }

    public required LocalizedText Rights { get; init; }

    public required RegulatorContact Regulator { get; init; }
}

/// <summary>The regulator (the Information Commissioner's Office, with its Wales office when relevant).</summary>
public sealed record RegulatorContact
{
    public required LocalizedText Name { get; init; }

    public LocalizedText? PostalAddress { get; init; }

    public string? Telephone { get; init; }

    public string? Email { get; init; }

    public required string Website { get; init; }
}
