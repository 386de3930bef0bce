using System.Collections.Concurrent;
using CoProduce.Core.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace CoProduce.Server.Hubs;

/// <summary>
/// Which connections belong to which participant, so that removing someone (or ending the session)
/// also closes their open connections at once, rather than leaving them listening to the room.
/// </summary>
public sealed class ParticipantConnections
{
    private readonly ConcurrentDictionary<string, (ParticipantId Participant, WorkshopId Workshop, HubCallerContext Context)> _connections = new();

    public void Add(HubCallerContext context, ParticipantId participant, WorkshopId workshop) => _connections[context.ConnectionId] = (participant, workshop, context);

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public void Abort(ParticipantId participant)
    {
        foreach (var entry in _connections.Values.Where(c => c.Participant == participant))
        {
            entry.Context.Abort();
        }
    }

    public void AbortWorkshop(WorkshopId workshop)
    {
        foreach (var entry in _connections.Values.Where(c => c.Workshop == workshop))
        {
            entry.Context.Abort();
        }
    }
}
