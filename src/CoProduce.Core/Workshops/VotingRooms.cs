using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CoProduce.Core.Workshops;

/// <summary>
/// What a vote is checked against without reading the room from the database: per workshop, the
/// activity open for voting at one <see cref="Workshop.Revision"/>. Every change that can make a vote
/// invalid (state, activity shown, closed, revealed, settings) bumps the workshop's revision in the
/// same transaction, and <see cref="CastVote"/> writes a vote checked here only if the revision is
/// still the one remembered, so a stale entry can only send a vote down the full path, never let a
/// wrong one in. Only activities whose items are their own options are remembered: an idea board's
/// approved ideas change without a revision.
/// </summary>
public sealed class VotingRooms
{
    /// <summary>A bound on memory: past it, everything is forgotten and re-read on the next vote.</summary>
    public const int MaxRooms = 4096;

    private readonly ConcurrentDictionary<WorkshopId, VotingRoom> _rooms = new();

    public bool TryGet(WorkshopId workshopId, [NotNullWhen(true)] out VotingRoom? room) => _rooms.TryGetValue(workshopId, out room);

    /// <summary>Remembers a room read from the database (never replacing a later revision).</summary>
    public void Remember(VotingRoom room)
    {
        if (_rooms.Count >= MaxRooms)
        {
            _rooms.Clear();
        }

        _rooms.AddOrUpdate(room.WorkshopId, room, (_, known) => known.Revision > room.Revision ? known : room);
    }

    public void Forget(WorkshopId workshopId) => _rooms.TryRemove(workshopId, out _);
}

/// <summary>At <paramref name="Revision"/>, the room is live and <paramref name="ActivityId"/> is shown and open.</summary>
public sealed record VotingRoom(WorkshopId WorkshopId, int Revision, ActivityId ActivityId, ActivityKind Kind, ActivitySettings Settings, IReadOnlySet<string> Items, bool Revealed)
{
    /// <summary>Only activities voted over their own options can be checked from memory.</summary>
    public static bool CanRemember(WorkshopActivity activity) =>
        activity.Kind is ActivityKind.Poll || (activity.Kind is ActivityKind.DotVoting or ActivityKind.Ranking && activity.Settings.SourceActivityId is null);
}
