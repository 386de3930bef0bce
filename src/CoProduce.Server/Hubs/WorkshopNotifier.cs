using CoProduce.Core.Common;
using CoProduce.Core.Workshops;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.SignalR;

namespace CoProduce.Server.Hubs;

/// <summary>
/// Tells connected clients that something saved has changed — used by the hub and by the pages that
/// make the same changes without JavaScript. Participants get only what they may see.
/// </summary>
public sealed class WorkshopNotifier(IHubContext<WorkshopHub, IWorkshopClient> hub, ParticipantConnections connections, Text text)
{
    public async Task RoomChangedAsync(WorkshopId workshopId, bool participantsToo, RoomChanged? room = null)
    {
        var message = new RoomMessage(room?.Revision ?? 0, room?.State ?? WorkshopState.Live, room?.CurrentActivityId);
        await hub.Clients.Group(WorkshopGroups.Facilitators(workshopId)).Room(message);
        if (participantsToo)
        {
            await hub.Clients.Group(WorkshopGroups.Participants(workshopId)).Room(message);
        }

        if (room?.State == WorkshopState.Ended)
        {
            await hub.Clients.Group(WorkshopGroups.Participants(workshopId)).Closed(new Ack(false, ErrorCodes.WorkshopEnded, text[ErrorCodes.WorkshopEnded]));
        }
    }

    public async Task ParticipantChangedAsync(WorkshopId workshopId, ParticipantId participantId, ParticipantStatus status)
    {
        var one = hub.Clients.Group(WorkshopGroups.Participant(participantId));
        if (status == ParticipantStatus.Removed)
        {
            await one.Closed(new Ack(false, ErrorCodes.ParticipantRemoved, text[ErrorCodes.ParticipantRemoved]));
            connections.Abort(participantId);
        }
        else
        {
            await one.Room(new RoomMessage(0, WorkshopState.Live, null));
        }

        await hub.Clients.Group(WorkshopGroups.Facilitators(workshopId)).Room(new RoomMessage(0, WorkshopState.Live, null));
    }

    public Task SupportAsync(SignalSent sent) =>
        hub.Clients.Group(WorkshopGroups.Facilitators(sent.WorkshopId)).Support(new SupportMessage(sent.ParticipantId, sent.Pseudonym, sent.Signal));
}
