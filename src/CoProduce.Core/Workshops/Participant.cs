using System.Text.Json.Serialization;

namespace CoProduce.Core.Workshops;

[JsonConverter(typeof(JsonStringEnumConverter<ParticipantStatus>))]
public enum ParticipantStatus
{
    /// <summary>Joined a workshop that requires admission; waiting for the facilitator.</summary>
    Waiting,
    Admitted,
    Removed,
}

/// <summary>The private signal a participant can send; only facilitators see it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupportSignal>))]
public enum SupportSignal
{
    None,
    NeedBreak,
    NeedSupport,
}

/// <summary>
/// Someone taking part without an account: an optional pseudonym, a language, and the keyed hash of
/// the session token their browser holds. Nothing else: no address, no device, no time.
/// </summary>
public sealed class Participant
{
    public const int MaxPseudonymLength = 40;

    private Participant()
    {
        // For EF Core materialisation.
        Language = "en";
        SessionTokenHash = [];
    }

    public Participant(ParticipantId id, WorkshopId workshopId, string? pseudonym, string language, byte[] sessionTokenHash, bool admitted)
    {
        Id = id;
        WorkshopId = workshopId;
        Pseudonym = pseudonym;
        Language = language;
        SessionTokenHash = sessionTokenHash;
        Status = admitted ? ParticipantStatus.Admitted : ParticipantStatus.Waiting;
    }

    public ParticipantId Id { get; private set; }

    public WorkshopId WorkshopId { get; private set; }

    public string? Pseudonym { get; private set; }

    /// <summary><c>en</c> or <c>cy</c>.</summary>
    public string Language { get; private set; }

    public byte[] SessionTokenHash { get; private set; }

    public ParticipantStatus Status { get; private set; }

    public SupportSignal Signal { get; private set; }

    public void Admit() => Status = Status == ParticipantStatus.Waiting ? ParticipantStatus.Admitted : Status;

    public void Remove() => Status = ParticipantStatus.Removed;

    public void SetLanguage(string language) => Language = language;

    public void SetSignal(SupportSignal signal) => Signal = signal;
}
