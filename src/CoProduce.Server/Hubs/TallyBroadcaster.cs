using System.Collections.Concurrent;
using CoProduce.Core.Workshops;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Hubs;

/// <summary>
/// Sends live tallies at most once per <see cref="WorkshopHubOptions.TallyInterval"/> per activity:
/// with hundreds of people voting every second, one message per vote to everyone would be quadratic.
/// Every vote is saved and counted before its tally is scheduled, so the next send includes it.
/// </summary>
public sealed partial class TallyBroadcaster(IHubContext<WorkshopHub, IWorkshopClient> hub, LiveTallies tallies, IOptions<WorkshopHubOptions> options, ILogger<TallyBroadcaster> logger)
{
    private readonly ConcurrentDictionary<ActivityId, byte> _pending = new();

    /// <summary>
    /// Raised after each send with the tally the room was sent (whether or not participants were sent it), for
    /// in-process observers such as the GraphQL <c>workshopTallies</c> subscription. Handlers must be quick and must
    /// not throw (a throw is logged like a failed send).
    /// </summary>
    public event Action<WorkshopId, TallyMessage>? Flushed;

    public void Schedule(WorkshopId workshopId, ActivityId activityId, ActivityKind kind, bool visibleToParticipants)
    {
        if (!_pending.TryAdd(activityId, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(options.Value.TallyInterval);
                _pending.TryRemove(activityId, out _);
                var message = await tallies.SnapshotAsync(activityId, kind);
                await hub.Clients.Group(WorkshopGroups.Facilitators(workshopId)).Tally(message);
                if (visibleToParticipants)
                {
                    await hub.Clients.Group(WorkshopGroups.Participants(workshopId)).Tally(message);
                }

                Flushed?.Invoke(workshopId, message);
            }
            catch (Exception exception)
            {
                _pending.TryRemove(activityId, out _);
                LogFailed(logger, exception);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a live tally failed; the next vote or a reload brings it.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Group names: everyone admitted to a workshop, its facilitators, one participant's connections.</summary>
public static class WorkshopGroups
{
    public static string Participants(WorkshopId id) => $"w:{id}";

    public static string Facilitators(WorkshopId id) => $"f:{id}";

    public static string Participant(ParticipantId id) => $"p:{id}";
}
