using System.Collections.Concurrent;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Hubs;

/// <summary>
/// Live counts per activity, kept in memory so that a vote does not re-read every ballot. It holds each
/// participant's ballot, not just counts, so applying a vote is idempotent: filling the cache from the
/// database after a vote was saved and then applying that vote again counts it once. After a restart
/// it is filled again from the database (where every acknowledged vote already is).
/// </summary>
public sealed class LiveTallies(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<ActivityId, Lazy<Task<ActivityTally>>> _activities = new();

    /// <summary>
    /// Counts a saved ballot; returns the tally's <see cref="TallyMessage.Sequence"/> from which on every
    /// tally includes it.
    /// </summary>
    public async Task<long> ApplyAsync(ActivityId activityId, ActivityKind kind, ParticipantId participant, IReadOnlyList<string> ballot)
    {
        var tally = await GetAsync(activityId, kind);
        return tally.Set(participant, ballot);
    }

    public async Task<TallyMessage> SnapshotAsync(ActivityId activityId, ActivityKind kind) => (await GetAsync(activityId, kind)).Snapshot();

    /// <summary>Forget an activity (its items changed, e.g. an idea was hidden): the next use re-reads it.</summary>
    public void Forget(ActivityId activityId) => _activities.TryRemove(activityId, out _);

    private Task<ActivityTally> GetAsync(ActivityId activityId, ActivityKind kind)
    {
        var lazy = _activities.GetOrAdd(activityId, id => new Lazy<Task<ActivityTally>>(() => LoadAsync(id, kind)));
        return lazy.Value;
    }

    private async Task<ActivityTally> LoadAsync(ActivityId activityId, ActivityKind kind)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var ballots = await db.WorkshopBallots.AsNoTracking().Where(b => b.ActivityId == activityId).Select(b => new { b.ParticipantId, b.Choices }).ToListAsync();
        var tally = new ActivityTally(activityId, kind);
        foreach (var b in ballots)
        {
            tally.Set(b.ParticipantId, b.Choices);
        }

        return tally;
    }

    private sealed class ActivityTally(ActivityId activityId, ActivityKind kind)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<ParticipantId, IReadOnlyList<string>> _ballots = [];
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private long _sequence;

        public long Set(ParticipantId participant, IReadOnlyList<string> ballot)
        {
            lock (_gate)
            {
                if (_ballots.TryGetValue(participant, out var previous))
                {
                    Tallies.Apply(_counts, kind, previous, -1);
                }

                _ballots[participant] = ballot;
                Tallies.Apply(_counts, kind, ballot, +1);
                return ++_sequence;
            }
        }

        public TallyMessage Snapshot()
        {
            lock (_gate)
            {
                return SnapshotLocked();
            }
        }

        private TallyMessage SnapshotLocked() => new(activityId, new Dictionary<string, int>(_counts, StringComparer.Ordinal), _ballots.Count, _sequence);
    }
}
