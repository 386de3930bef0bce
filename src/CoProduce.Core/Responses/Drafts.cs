using System.Text.Json.Serialization;
using CoProduce.Core.Consultations;

namespace CoProduce.Core.Responses;

public readonly record struct DraftId(Guid Value)
{
    public static DraftId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct ResponseId(Guid Value)
{
    public static ResponseId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

[JsonConverter(typeof(JsonStringEnumConverter<RespondingAs>))]
public enum RespondingAs
{
    /// <summary>As an individual, without a name.</summary>
    Anonymous,

    /// <summary>On behalf of an organisation, whose name is optional.</summary>
    Organisation,
}

/// <summary>What the respondent chose about how their response is treated.</summary>
public sealed record RespondentChoices
{
    public const int MaxOrganisationNameLength = 200;

    public static RespondentChoices Default { get; } = new();

    public RespondingAs RespondingAs { get; init; } = RespondingAs.Anonymous;

    /// <summary>Only kept when responding as an organisation.</summary>
    public string? OrganisationName { get; init; }

    /// <summary>Consent to quote their words (with names, places and agencies redacted). Opt-in.</summary>
    public bool MayQuote { get; init; }

    /// <summary>Please do not publish my name or address.</summary>
    public bool DoNotPublishNameOrAddress { get; init; }
}

/// <summary>
/// Answers keyed by question id. Immutable: every change makes a new sheet, so storage sees it.
/// </summary>
public sealed record AnswerSheet(IReadOnlyDictionary<QuestionId, Answer> Answers)
{
    public static AnswerSheet Empty { get; } = new(new Dictionary<QuestionId, Answer>());

    /// <summary>Replace the answers of one section with new ones.</summary>
    public AnswerSheet WithSection(Section section, IReadOnlyDictionary<QuestionId, Answer> sectionAnswers)
    {
        var next = Answers.Where(kv => !section.Questions.Any(q => q.Id == kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (id, answer) in sectionAnswers)
        {
            next[id] = answer;
        }

        return new AnswerSheet(next);
    }

    public AnswerSheet WithoutSection(Section section) =>
        new(Answers.Where(kv => !section.Questions.Any(q => q.Id == kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value));

    public bool Equals(AnswerSheet? other) =>
        other is not null && other.Answers.Count == Answers.Count
        && Answers.All(kv => other.Answers.TryGetValue(kv.Key, out var a) && a.Equals(kv.Value));

    public override int GetHashCode() => Answers.Count;
}

/// <summary>
/// A half-written response, owned by whoever holds the session token (only its keyed hash is stored)
/// or, after "save for later", the resume code (likewise). It records only a coarse last-saved date and
/// is deleted when the consultation closes.
/// </summary>
public sealed class Draft
{
    private Draft()
    {
        // For EF Core materialisation.
        SessionTokenHash = [];
        Answers = AnswerSheet.Empty;
        SkippedSections = [];
        Choices = RespondentChoices.Default;
    }

    public Draft(DraftId id, ConsultationId consultationId, byte[] sessionTokenHash, DateOnly today)
    {
        Id = id;
        ConsultationId = consultationId;
        SessionTokenHash = sessionTokenHash;
        LastSavedOn = today;
        Answers = AnswerSheet.Empty;
        SkippedSections = [];
        Choices = RespondentChoices.Default;
    }

    public DraftId Id { get; private set; }

    public ConsultationId ConsultationId { get; private set; }

    public byte[] SessionTokenHash { get; private set; }

    public byte[]? ResumeCodeHash { get; private set; }

    /// <summary>The date (never the time) of the last change.</summary>
    public DateOnly LastSavedOn { get; private set; }

    public AnswerSheet Answers { get; private set; }

    public IReadOnlyList<SectionId> SkippedSections { get; private set; }

    public RespondentChoices Choices { get; private set; }

    /// <summary>
    /// Set when the draft became a response; the draft then keeps no answers and only exists so a
    /// second submission gets a clear answer. It holds no link to the response.
    /// </summary>
    public bool Submitted { get; private set; }

    public void SaveSection(Section section, IReadOnlyDictionary<QuestionId, Answer> answers, DateOnly today)
    {
        Answers = Answers.WithSection(section, answers);
        SkippedSections = SkippedSections.Where(s => s != section.Id).ToArray();
        LastSavedOn = today;
    }

    public void Skip(Section section, DateOnly today)
    {
        Answers = Answers.WithoutSection(section);
        if (!SkippedSections.Contains(section.Id))
        {
            SkippedSections = [.. SkippedSections, section.Id];
        }

        LastSavedOn = today;
    }

    public void SetChoices(RespondentChoices choices, DateOnly today)
    {
        Choices = choices;
        LastSavedOn = today;
    }

    public void SetResumeCodeHash(byte[] hash, DateOnly today)
    {
        ResumeCodeHash = hash;
        LastSavedOn = today;
    }

    public void RotateSessionToken(byte[] sessionTokenHash) => SessionTokenHash = sessionTokenHash;
}

/// <summary>
/// A submitted response. Holds the submission date (no time), the channel, the choices and the
/// answers — and nothing that could identify a device or a person. Withdrawal deletes the row.
/// </summary>
public sealed class Response
{
    private Response()
    {
        // For EF Core materialisation.
        ReceiptCodeHash = [];
        Answers = AnswerSheet.Empty;
        SkippedSections = [];
        Choices = RespondentChoices.Default;
    }

    public Response(
        ResponseId id,
        ConsultationId consultationId,
        byte[] receiptCodeHash,
        DateOnly submittedOn,
        ResponseChannel channel,
        RespondentChoices choices,
        AnswerSheet answers,
        IReadOnlyList<SectionId> skippedSections)
    {
        Id = id;
        ConsultationId = consultationId;
        ReceiptCodeHash = receiptCodeHash;
        SubmittedOn = submittedOn;
        Channel = channel;
        Choices = choices;
        Answers = answers;
        SkippedSections = skippedSections;
    }

    public ResponseId Id { get; private set; }

    public ConsultationId ConsultationId { get; private set; }

    public byte[] ReceiptCodeHash { get; private set; }

    public DateOnly SubmittedOn { get; private set; }

    public ResponseChannel Channel { get; private set; }

    public RespondentChoices Choices { get; private set; }

    public AnswerSheet Answers { get; private set; }

    public IReadOnlyList<SectionId> SkippedSections { get; private set; }
}
