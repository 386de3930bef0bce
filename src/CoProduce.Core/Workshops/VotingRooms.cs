using System.Collections.Concurrent;

namespace CoProduce.Core.Workshops;

/// <summary>
/// What a vote is checked against without reading the room from the database: per workshop, the
/// activity open for voting at one <see cref="Workshop.Revision"/>, or that there is none that can be
/// checked in memory. Every change that can make a vote invalid (state, activity shown, closed, revealed,
/// settings) bumps the workshop's revision in the same transaction, and a vote checked here is written
/// (<see cref="BallotCommitter"/>) only if the revision is still the one remembered, so a stale entry can
/// only send a vote down the full path, never let a wrong one in. Only activities whose items are their
/// own options are remembered: an idea board's approved ideas change without a revision.
/// A room not known is read once however many votes ask for it at the same moment (the start of an
/// activity, when everyone votes within a second).
/// </summary>
public sealed class VotingRooms
{
    /// <summary>A bound on memory: past it, everything is forgotten and re-read on the next vote.</summary>
    public const int MaxRooms = 4096;

    private readonly ConcurrentDictionary<WorkshopId, VotingRoom> _rooms = new();
    private readonly ConcurrentDictionary<WorkshopId, Lazy<Task<VotingRoom>>> _loading = new();

    /// <summary>
    /// The room as remembered, or read by <paramref name="load"/> (once for all concurrent callers) when it is
    /// not known, or when only <paramref name="staleRevision"/> or an earlier one is.
    /// </summary>
    public async Task<VotingRoom> GetOrLoadAsync(WorkshopId workshopId, int? staleRevision, Func<Task<VotingRoom>> load)
    {
        if (_rooms.TryGetValue(workshopId, out var known) && (staleRevision is null || known.Revision > staleRevision))
        {
            return known;
        }

        var loading = _loading.GetOrAdd(workshopId, _ => new Lazy<Task<VotingRoom>>(load));
        try
        {
            var room = await loading.Value;
            Remember(room);
            return room;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<WorkshopId, Lazy<Task<VotingRoom>>>(workshopId, loading));
        }
    }

    /// <summary>Remembers a room read from the database (never replacing a later revision).</summary>
    public void Remember(VotingRoom room)
    {
        if (_rooms.Count >= MaxRooms)
        {
            _rooms.Clear();
        }

        _rooms.AddOrUpdate(room.WorkshopId, room, (_, known) => known.Revision > room.Revision ? known : room);
    }

    /// <summary>The room changed (a facilitator's command): the next vote reads it again.</summary>
    public void Forget(WorkshopId workshopId) => _rooms.TryRemove(workshopId, out _);
}

/// <summary>
/// At <paramref name="Revision"/>, the room is live and <paramref name="ActivityId"/> is shown and open, with
/// <paramref name="Items"/> to vote for; or (<see cref="CanVoteInMemory"/> false) nothing can be checked in memory
/// (not live, nothing shown, closed, or an activity over ideas), and every vote takes the full path.
/// </summary>
public sealed record VotingRoom(WorkshopId WorkshopId, int Revision, ActivityId? ActivityId, ActivityKind Kind, ActivitySettings? Settings, IReadOnlySet<string>? Items, bool Revealed)
{
    public bool CanVoteInMemory => ActivityId is not null && Settings is not null && Items is not null;

    public static VotingRoom None(WorkshopId workshopId, int revision) => new(workshopId, revision, null, default, null, null, false);

    /// <summary>Only activities voted over their own options can be checked from memory.</summary>
    public static bool CanRemember(WorkshopActivity activity) =>
        activity.Kind is ActivityKind.Poll || (activity.Kind is ActivityKind.DotVoting or ActivityKind.Ranking && activity.Settings.SourceActivityId is null);
}
