using CoProduce.Core.Workshops;

namespace CoProduce.Server.Hubs;

/// <summary>
/// The typed messages of <c>/hubs/workshop</c> (JSON hub protocol, camelCase, enums by name). Server
/// to client messages are small; a client that needs more asks for its view again.
/// </summary>
public interface IWorkshopClient
{
    /// <summary>The room changed (state, activity shown, moderation…): ask for the view again.</summary>
    Task Room(RoomMessage message);

    /// <summary>Live counts of the current activity.</summary>
    Task Tally(TallyMessage message);

    /// <summary>Facilitators only: a participant's private signal.</summary>
    Task Support(SupportMessage message);

    /// <summary>To one participant: the facilitator removed them, or the session ended.</summary>
    Task Closed(Ack reason);
}

/// <summary>The answer to every client call: ok, or an error code with its message in the caller's language.</summary>
public sealed record Ack(bool Ok, string? Error = null, string? Message = null)
{
    public static Ack Success { get; } = new(true);
}

public sealed record RoomMessage(int Revision, WorkshopState State, ActivityId? CurrentActivityId);

/// <param name="Sequence">
/// How many ballots this server has counted in the activity since it loaded its tally (it starts again
/// after a restart): a client can ignore a tally older than one it holds, and a vote's answer says from
/// which sequence on the tally includes it.
/// </param>
public sealed record TallyMessage(ActivityId ActivityId, IReadOnlyDictionary<string, int> Counts, int Voters, long Sequence);

public sealed record SupportMessage(ParticipantId ParticipantId, string? Pseudonym, SupportSignal Signal);

/// <summary>What <c>Vote</c> answers: the acknowledgement and, once counted, the tally sequence that includes it.</summary>
public sealed record VoteAck(bool Ok, string? Error = null, string? Message = null, long? Sequence = null);

public sealed record VoteRequest(ActivityId ActivityId, string[]? Choices);

public sealed record PostRequest(ActivityId ActivityId, ContributionKind Kind, string? Text, ContributionId? ParentId = null, string? TargetKey = null);

public sealed record ControlRequest(WorkshopId WorkshopId, RoomCommand Command, ActivityId? ActivityId = null);

public sealed record ModerateRequest(WorkshopId WorkshopId, ContributionId ContributionId, ModerationCommand Command, ContributionId? MergeInto = null, string? Theme = null);

public sealed record ParticipantRequest(WorkshopId WorkshopId, ParticipantId ParticipantId, ParticipantCommand Command);

public sealed record AcceptRequest(WorkshopId WorkshopId, ContributionId ProposalId);

/// <summary>What <c>Signal</c> returns: the acknowledgement and the support information to show.</summary>
public sealed record SignalAck(bool Ok, string? Error, string? Message, string? SupportInformation);
