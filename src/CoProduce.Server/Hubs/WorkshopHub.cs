using System.Globalization;
using CoProduce.Core.Common;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using CoProduce.Server.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace CoProduce.Server.Hubs;

/// <summary>What <c>Enter</c> and <c>Facilitate</c> return: the current view, or why not; for facilitators also its <see cref="WorkshopViewStamp"/>.</summary>
public sealed record ViewAck(bool Ok, string? Error, string? Message, WorkshopView? View, string? Stamp = null);

/// <summary>
/// The live workshop at <c>/hubs/workshop</c>. Participants are known by their seat cookie, staff by
/// their sign-in; every rule is in the Core use cases, which save before this hub tells anyone.
/// Participants act only in the workshop their seat belongs to; facilitator calls name a workshop
/// and Core refuses anyone who is not one of its facilitators.
/// </summary>
public sealed class WorkshopHub(ICurrentStaff staff, Text text, ParticipantConnections connections, WorkshopNotifier notifier, ILogger<WorkshopHub> logger) : Hub<IWorkshopClient>
{
    private const string TokenItem = "token";
    private const string SeatItem = "seat";

    public override async Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext();
        var language = http?.Request.Query["lang"].ToString();
        Context.Items[WorkshopHubFilter.CultureItem] = language == "cy" ? Cultures.Welsh : Cultures.English;
        if (http is not null && ParticipantCookie.Read(http) is { } token)
        {
            Context.Items[TokenItem] = token;
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    // ---- Participants -------------------------------------------------------------------------

    /// <summary>The participant's view of the room; also (re)joins the room's groups.</summary>
    public async Task<ViewAck> Enter([FromServices] GetWorkshopView views)
    {
        if (Token is not { } token)
        {
            return ViewError(ErrorCodes.ParticipantNotFound);
        }

        var view = await views.ForParticipantAsync(token, Context.ConnectionAborted);
        if (!view.TryGetValue(out var v) || v.You is not { } you)
        {
            return ViewError(view.FirstError?.Code ?? ErrorCodes.ParticipantNotFound);
        }

        connections.Add(Context, you, v.Id);
        Context.Items[SeatItem] = new VoterSeat(you, v.Id);
        await Groups.AddToGroupAsync(Context.ConnectionId, WorkshopGroups.Participant(you));
        if (v.YourStatus == ParticipantStatus.Admitted)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, WorkshopGroups.Participants(v.Id));
        }

        return new ViewAck(true, null, null, v);
    }

    /// <summary>
    /// The seat is resolved from the cookie once per connection; a vote in a room known in memory is then
    /// checked there and committed with the votes arriving at the same moment (see <see cref="CastVote"/>,
    /// <see cref="BallotCommitter"/>). A vote the database could not take gets <see cref="ErrorCodes.HubBusy"/>.
    /// </summary>
    public async Task<VoteAck> Vote(VoteRequest request, [FromServices] CastVote castVote, [FromServices] WorkshopAccess access, [FromServices] LiveTallies tallies, [FromServices] TallyBroadcaster broadcaster)
    {
        var seat = await SeatAsync(access);
        if (!seat.TryGetValue(out var voter))
        {
            return VoteError(seat.FirstError?.Code ?? ErrorCodes.ParticipantNotFound);
        }

        Result<VoteCast> cast;
        try
        {
            cast = await castVote.HandleAsync(voter, request.ActivityId, request.Choices, Context.ConnectionAborted);
        }
        catch (Exception exception) when (IsBusy(exception))
        {
            // The database could not take it (its batch failed, or no connection in time): nothing of it was
            // acknowledged, and the voter is told to try again rather than left waiting.
            logger.LogVoteNotSaved(exception);
            return VoteError(ErrorCodes.HubBusy);
        }

        if (!cast.TryGetValue(out var vote))
        {
            return VoteError(cast.FirstError?.Code ?? ErrorCodes.HubMessageRejected);
        }

        // Saved: now count it and let the room know (the poll's tally only when it is revealed).
        var sequence = await tallies.ApplyAsync(vote.ActivityId, vote.Kind, vote.ParticipantId, vote.Choices);
        broadcaster.Schedule(vote.WorkshopId, vote.ActivityId, vote.Kind, vote.Revealed);
        return new VoteAck(true, Sequence: sequence);
    }

    public async Task<Ack> Post(PostRequest request, [FromServices] PostContribution post)
    {
        if (Token is not { } token)
        {
            return Error(ErrorCodes.ParticipantNotFound);
        }

        var posted = await post.HandleAsync(token, request.ActivityId, new ContributionDraft(request.Kind, request.Text, request.ParentId, request.TargetKey), Context.ConnectionAborted);
        if (!posted.TryGetValue(out var contribution))
        {
            return Error(posted);
        }

        await RoomChangedAsync(contribution.WorkshopId, participantsToo: contribution.IsVisibleToRoom);
        return Ack.Success;
    }

    /// <summary>"I need a break / I need support": only facilitators are told.</summary>
    public async Task<SignalAck> Signal(SupportSignal signal, [FromServices] SignalFacilitator handler)
    {
        if (Token is not { } token)
        {
            var code = ErrorCodes.ParticipantNotFound;
            return new SignalAck(false, code, text[code], null);
        }

        var sent = await handler.HandleAsync(token, signal, Context.ConnectionAborted);
        if (!sent.TryGetValue(out var s))
        {
            var code = sent.FirstError?.Code ?? ErrorCodes.HubMessageRejected;
            return new SignalAck(false, code, text[code], null);
        }

        await notifier.SupportAsync(s);
        return new SignalAck(true, null, null, s.SupportInformation.Get(CultureInfo.CurrentUICulture));
    }

    // ---- Facilitators -------------------------------------------------------------------------

    /// <summary>The facilitator's view; also joins the workshop's facilitator group.</summary>
    public async Task<ViewAck> Facilitate(WorkshopId workshopId, [FromServices] GetWorkshopView views)
    {
        if (staff.Actor is not { } actor)
        {
            return ViewError(ErrorCodes.WorkshopNotFound);
        }

        var view = await views.ForFacilitatorAsync(actor, workshopId, Context.ConnectionAborted);
        if (!view.TryGetValue(out var v))
        {
            return ViewError(view.FirstError?.Code ?? ErrorCodes.WorkshopNotFound);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, WorkshopGroups.Facilitators(workshopId));
        return new ViewAck(true, null, null, v, WorkshopViewStamp.Of(v));
    }

    public async Task<Ack> Control(ControlRequest request, [FromServices] ControlWorkshop control)
    {
        if (staff.Actor is not { } actor)
        {
            return Error(ErrorCodes.WorkshopNotFound);
        }

        var changed = await control.HandleAsync(actor, request.WorkshopId, request.Command, request.ActivityId, Context.ConnectionAborted);
        if (!changed.TryGetValue(out var room))
        {
            return Error(changed);
        }

        await notifier.RoomChangedAsync(request.WorkshopId, participantsToo: true, room);

        return Ack.Success;
    }

    public async Task<Ack> Moderate(ModerateRequest request, [FromServices] ModerateContribution moderate)
    {
        if (staff.Actor is not { } actor)
        {
            return Error(ErrorCodes.WorkshopNotFound);
        }

        var moderated = await moderate.HandleAsync(actor, request.WorkshopId, request.ContributionId, new Moderation(request.Command, request.MergeInto, request.Theme), Context.ConnectionAborted);
        if (!moderated.TryGetValue(out _))
        {
            return Error(moderated);
        }

        await RoomChangedAsync(request.WorkshopId, participantsToo: true);
        return Ack.Success;
    }

    public async Task<Ack> ManageParticipant(ParticipantRequest request, [FromServices] ManageParticipant manage)
    {
        if (staff.Actor is not { } actor)
        {
            return Error(ErrorCodes.WorkshopNotFound);
        }

        var managed = await manage.HandleAsync(actor, request.WorkshopId, request.ParticipantId, request.Command, Context.ConnectionAborted);
        if (!managed.TryGetValue(out var status))
        {
            return Error(managed);
        }

        await notifier.ParticipantChangedAsync(request.WorkshopId, request.ParticipantId, status);
        return Ack.Success;
    }

    public async Task<Ack> Accept(AcceptRequest request, [FromServices] AcceptProposal accept)
    {
        if (staff.Actor is not { } actor)
        {
            return Error(ErrorCodes.WorkshopNotFound);
        }

        var accepted = await accept.HandleAsync(actor, request.WorkshopId, request.ProposalId, null, Context.ConnectionAborted);
        if (!accepted.TryGetValue(out _))
        {
            return Error(accepted);
        }

        await RoomChangedAsync(request.WorkshopId, participantsToo: true);
        return Ack.Success;
    }

    public async Task<Ack> EditFramework(WorkshopId workshopId, OutcomeFrameworkId frameworkId, FrameworkEdit edit, [FromServices] EditOutcomeFramework handler)
    {
        if (staff.Actor is not { } actor)
        {
            return Error(ErrorCodes.WorkshopNotFound);
        }

        var changed = await handler.HandleAsync(actor, frameworkId, edit, workshopId, Context.ConnectionAborted);
        if (!changed.TryGetValue(out _))
        {
            return Error(changed);
        }

        await RoomChangedAsync(workshopId, participantsToo: true);
        return Ack.Success;
    }

    // ---- Helpers ------------------------------------------------------------------------------

    private SessionToken? Token => Context.Items.TryGetValue(TokenItem, out var t) && t is SessionToken token ? token : null;

    private Task RoomChangedAsync(WorkshopId workshopId, bool participantsToo) => notifier.RoomChangedAsync(workshopId, participantsToo);

    private Ack Error(string code) => new(false, code, text[code]);

    private Ack Error<T>(Result<T> result) => Error(result.FirstError?.Code ?? ErrorCodes.HubMessageRejected);

    /// <summary>The caller's seat, resolved from their cookie on the first call and kept for the connection.</summary>
    private async Task<Result<VoterSeat>> SeatAsync(WorkshopAccess access)
    {
        if (Context.Items.TryGetValue(SeatItem, out var known) && known is VoterSeat seat)
        {
            return seat;
        }

        if (Token is not { } token)
        {
            return new Error(ErrorCodes.ParticipantNotFound);
        }

        var resolved = await access.ResolveParticipantAsync(token, requireAdmitted: false, Context.ConnectionAborted);
        if (!resolved.TryGetValue(out var s))
        {
            return Result<VoterSeat>.Failure(resolved.Errors);
        }

        seat = new VoterSeat(s.Participant.Id, s.Workshop.Id);
        Context.Items[SeatItem] = seat;
        return seat;
    }

    /// <summary>Infrastructure out of capacity (connection pool, time-outs), as opposed to a bug.</summary>
    private static bool IsBusy(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is BallotsNotSavedException or System.Data.Common.DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private VoteAck VoteError(string code) => new(false, code, text[code]);

    private ViewAck ViewError(string code) => new(false, code, text[code], null);
}

internal static partial class WorkshopHubLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A vote could not be saved (database busy or failing); the voter was asked to try again.")]
    public static partial void LogVoteNotSaved(this ILogger logger, Exception exception);
}
