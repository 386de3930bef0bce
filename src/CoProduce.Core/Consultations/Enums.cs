using System.Text.Json.Serialization;

namespace CoProduce.Core.Consultations;

/// <summary>Where a consultation is in its life. Stored as its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsultationStatus>))]
public enum ConsultationStatus
{
    Draft,
    AwaitingApproval,
    Scheduled,
    Open,
    Closed,
    Analysing,
    FindingsPublished,

    /// <summary>Finished and put away: read-only, kept for its retention period, hidden from working lists.</summary>
    Archived,
}

[JsonConverter(typeof(JsonStringEnumConverter<Audience>))]
public enum Audience
{
    Public,
    ProvidersAndSpecialists,
    ServiceUsers,
    InviteOnly,
}

[JsonConverter(typeof(JsonStringEnumConverter<Jurisdiction>))]
public enum Jurisdiction
{
    England,
    Wales,
}

/// <summary>The commissioning cycle phase a consultation serves (some bodies say Understand for Analyse).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommissioningPhase>))]
public enum CommissioningPhase
{
    Analyse,
    Plan,
    Do,
    Review,
}

/// <summary>How a response reached us: online, or keyed in by staff from an e-mail or a letter.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseChannel>))]
public enum ResponseChannel
{
    Online,
    Email,
    Post,
}
