using System.Collections.Concurrent;
using System.Text.Json;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Testing;
using CoProduce.Testing.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Hubs;

public sealed class WorkshopHubBatchedVoteTestsSqlite(SqliteTestDatabase database) : WorkshopHubBatchedVoteTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class WorkshopHubBatchedVoteTestsPostgres(PostgresTestDatabase database) : WorkshopHubBatchedVoteTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// Votes through the hub when many arrive together and are committed in batches (<see cref="BallotCommitter"/>):
/// every acknowledged vote is stored and counted exactly once, a vote the room no longer allows is refused and
/// not stored even in the batch of accepted ones, and a batch that fails to commit acknowledges nobody.
/// </summary>
public abstract class WorkshopHubBatchedVoteTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly ActivityDraft Dots = new(
        ActivityKind.DotVoting, new LocalizedText("Priorities", "Blaenoriaethau"), Options: [new("Childcare", "Gofal plant"), new("Travel", "Teithio"), new("Evenings", "Gyda'r nos")], Dots: 3);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<IAsyncDisposable> _disposables = [];
    private HubServer? _server;
    private TestStaff _facilitator = null!; // Set in InitializeAsync, before any test runs.
    private BatchGate? _gate;

    private HubServer Server => _server ??= Track(new HubServer(database));

    private BallotCommitter Committer => Server.Services.GetRequiredService<BallotCommitter>();

    public async Task InitializeAsync() => _facilitator = await Server.NewStaffAsync(StaffRoles.Facilitator);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            Committer.BeforeBatch = null;
            Committer.BeforeCommit = null;
        }

        // A test that failed while holding the writer must not leave it waiting (the server could not stop).
        _gate?.Release();

        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }
    }

    private T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    private async Task<(JoinedWorkshop Joined, HubJsonClient Client)> EnteredParticipantAsync(CreatedWorkshop workshop)
    {
        var joined = await Server.JoinAsync(workshop.JoinCode);
        var client = Track(await Server.ParticipantAsync(joined.SessionToken));
        var entered = await client.InvokeAsync("Enter");
        Assert.True(entered.GetProperty("ok").GetBoolean(), entered.ToString());
        return (joined, client);
    }

    private static Task<JsonElement> VoteAsync(HubJsonClient client, ActivityId activity, params string[] choices) =>
        client.InvokeAsync("Vote", new { activityId = activity.Value, choices });

    private async Task<Dictionary<ParticipantId, string[]>> StoredBallotsAsync(ActivityId activity)
    {
        await using var db = database.CreateContext();
        var ballots = await db.WorkshopBallots.AsNoTracking().Where(b => b.ActivityId == activity).ToListAsync();
        return ballots.ToDictionary(b => b.ParticipantId, b => b.Choices.ToArray());
    }

    /// <summary>Holds the committer's writer before its next batch until released, so that ballots sent meanwhile share one batch.</summary>
    private sealed class BatchGate
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<IReadOnlyList<PendingBallot>> Batches { get; } = new();

        public async Task BeforeBatchAsync(IReadOnlyList<PendingBallot> batch)
        {
            Holding.TrySetResult();
            await _release.Task;
            Batches.Enqueue(batch);
        }

        public void Release() => _release.TrySetResult();
    }

    /// <summary>Waits (without a time assertion) until <paramref name="count"/> ballots queue behind a held batch.</summary>
    private async Task WaitQueuedAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (Committer.Queued < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task Vote_200ParticipantsAtOnce_EveryAcknowledgedBallotStoredAndTalliedExactly()
    {
        const int participants = 200;
        var (workshop, dots) = await Server.LiveWorkshopAsync(_facilitator, Dots);
        var facilitator = Track(await Server.StaffAsync(_facilitator));
        Assert.True((await facilitator.InvokeAsync("Facilitate", workshop.Id.Value)).GetProperty("ok").GetBoolean());
        var voters = new List<(JoinedWorkshop Joined, HubJsonClient Client)>();
        for (var i = 0; i < participants; i++)
        {
            voters.Add(await EnteredParticipantAsync(workshop));
        }

        string[][] ballots = [["o1"], ["o2", "o2"], ["o1", "o2", "o3"], ["o3", "o3", "o3"]];

        // Two rounds, everyone at once: first ballots (inserts), then changed ballots (replacements).
        var acknowledged = new Dictionary<ParticipantId, string[]>();
        long lastSequence = 0;
        for (var round = 0; round < 2; round++)
        {
            var acks = await Task.WhenAll(voters.Select((v, i) => VoteAsync(v.Client, dots, ballots[(i + round) % ballots.Length])));
            for (var i = 0; i < participants; i++)
            {
                Assert.True(acks[i].GetProperty("ok").GetBoolean(), acks[i].ToString());
                acknowledged[voters[i].Joined.ParticipantId] = ballots[(i + round) % ballots.Length];
                lastSequence = Math.Max(lastSequence, acks[i].GetProperty("sequence").GetInt64());
            }
        }

        var stored = await StoredBallotsAsync(dots);
        Assert.Equal(participants, stored.Count);
        foreach (var (participant, ballot) in acknowledged)
        {
            Assert.Equal(ballot, stored[participant]);
        }

        // The room's tally from the last sequence on counts exactly the stored ballots.
        var tally = (await facilitator.WaitForAsync("Tally", Patience, m => m[0].GetProperty("sequence").GetInt64() >= lastSequence))[0];
        var expected = Tallies.Compute(ActivityKind.DotVoting, stored.Values);
        var counts = tally.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(expected.OrderBy(kv => kv.Key), counts.OrderBy(kv => kv.Key));
        Assert.Equal(participants, tally.GetProperty("voters").GetInt32());
    }

    public enum RoomChange
    {
        ParticipantRemoved,
        WorkshopPaused,
        WorkshopEnded,
        ActivityHidden,
        ActivityClosed,
    }

    [Theory]
    [InlineData(RoomChange.ParticipantRemoved, ErrorCodes.ParticipantRemoved)]
    [InlineData(RoomChange.WorkshopPaused, ErrorCodes.WorkshopNotLive)]
    [InlineData(RoomChange.WorkshopEnded, ErrorCodes.WorkshopEnded)]
    [InlineData(RoomChange.ActivityHidden, ErrorCodes.ActivityNotCurrent)]
    [InlineData(RoomChange.ActivityClosed, ErrorCodes.ActivityClosed)]
    public async Task Vote_RoomChangedAfterTheCheckInTheSameBatchAsAcceptedOnes_IsRefusedAndNotStored(RoomChange change, string error)
    {
        // The affected participant's workshop, and another that stays live, whose votes share the batch.
        var (affected, affectedDots) = await Server.LiveWorkshopAsync(_facilitator, Dots);
        var (other, otherDots) = await Server.LiveWorkshopAsync(_facilitator, Dots);
        var refused = await EnteredParticipantAsync(affected);
        var accepted = await EnteredParticipantAsync(other);
        var holder = await EnteredParticipantAsync(other);

        // First ballots, so that both rooms are known in memory and the next votes are checked there.
        Assert.True((await VoteAsync(refused.Client, affectedDots, "o1")).GetProperty("ok").GetBoolean());
        Assert.True((await VoteAsync(accepted.Client, otherDots, "o1")).GetProperty("ok").GetBoolean());

        var gate = _gate = new BatchGate();
        Committer.BeforeBatch = gate.BeforeBatchAsync;
        var held = VoteAsync(holder.Client, otherDots, "o2");
        await gate.Holding.Task.WaitAsync(Patience);

        // Checked against the room as it was, queued behind the held batch ...
        var refusedVote = VoteAsync(refused.Client, affectedDots, "o3", "o3");
        var acceptedVote = VoteAsync(accepted.Client, otherDots, "o3", "o3");
        await WaitQueuedAsync(2);

        // ... and then the room changes before they are written.
        await Server.RunAsync(async services =>
        {
            var result = change switch
            {
                RoomChange.ParticipantRemoved => (await services.GetRequiredService<ManageParticipant>().HandleAsync(_facilitator, affected.Id, refused.Joined.ParticipantId, ParticipantCommand.Remove)).Errors,
                RoomChange.WorkshopPaused => (await services.GetRequiredService<ControlWorkshop>().HandleAsync(_facilitator, affected.Id, RoomCommand.Pause)).Errors,
                RoomChange.WorkshopEnded => (await services.GetRequiredService<ControlWorkshop>().HandleAsync(_facilitator, affected.Id, RoomCommand.End)).Errors,
                RoomChange.ActivityHidden => (await services.GetRequiredService<ControlWorkshop>().HandleAsync(_facilitator, affected.Id, RoomCommand.ShowActivity, null)).Errors,
                _ => (await services.GetRequiredService<ControlWorkshop>().HandleAsync(_facilitator, affected.Id, RoomCommand.CloseActivity, affectedDots)).Errors,
            };
            Assert.Empty(result);
            return true;
        });
        gate.Release();

        Assert.True((await held.WaitAsync(Patience)).GetProperty("ok").GetBoolean());
        var refusedAck = await refusedVote.WaitAsync(Patience);
        var acceptedAck = await acceptedVote.WaitAsync(Patience);
        Committer.BeforeBatch = null;

        Assert.Contains(gate.Batches, batch => batch.Any(b => b.ParticipantId == refused.Joined.ParticipantId) && batch.Any(b => b.ParticipantId == accepted.Joined.ParticipantId));
        Assert.False(refusedAck.GetProperty("ok").GetBoolean(), refusedAck.ToString());
        Assert.Equal(error, refusedAck.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(refusedAck.GetProperty("message").GetString()));
        Assert.True(acceptedAck.GetProperty("ok").GetBoolean(), acceptedAck.ToString());
        Assert.Equal(["o1"], (await StoredBallotsAsync(affectedDots))[refused.Joined.ParticipantId]);
        Assert.Equal(["o3", "o3"], (await StoredBallotsAsync(otherDots))[accepted.Joined.ParticipantId]);
    }

    [Fact]
    public async Task Vote_BatchFailsToCommit_NoneAcknowledgedEachCallerToldAndNothingStored()
    {
        var (workshop, dots) = await Server.LiveWorkshopAsync(_facilitator, Dots);
        var facilitator = Track(await Server.StaffAsync(_facilitator));
        Assert.True((await facilitator.InvokeAsync("Facilitate", workshop.Id.Value)).GetProperty("ok").GetBoolean());
        var holder = await EnteredParticipantAsync(workshop);
        var voters = new List<(JoinedWorkshop Joined, HubJsonClient Client)>();
        for (var i = 0; i < 3; i++)
        {
            voters.Add(await EnteredParticipantAsync(workshop));
        }

        // The three votes gather behind a held batch, then their batch's statements run and its commit fails.
        var gate = _gate = new BatchGate();
        Committer.BeforeBatch = gate.BeforeBatchAsync;
        var held = VoteAsync(holder.Client, dots, "o2");
        await gate.Holding.Task.WaitAsync(Patience);
        var votes = voters.Select(v => VoteAsync(v.Client, dots, "o1")).ToList();
        await WaitQueuedAsync(3);
        var failedBatches = new ConcurrentQueue<int>();
        Committer.BeforeCommit = batch =>
        {
            if (batch.Any(b => b.ParticipantId == voters[0].Joined.ParticipantId))
            {
                failedBatches.Enqueue(batch.Count);
                throw new InvalidOperationException("Test: the commit of this batch fails.");
            }

            return Task.CompletedTask;
        };
        gate.Release();

        Assert.True((await held.WaitAsync(Patience)).GetProperty("ok").GetBoolean());
        var acks = await Task.WhenAll(votes).WaitAsync(Patience);
        Committer.BeforeBatch = null;
        Committer.BeforeCommit = null;

        Assert.Equal([3], failedBatches);
        foreach (var ack in acks)
        {
            Assert.False(ack.GetProperty("ok").GetBoolean(), ack.ToString());
            Assert.Equal(ErrorCodes.HubBusy, ack.GetProperty("error").GetString());
            Assert.False(string.IsNullOrWhiteSpace(ack.GetProperty("message").GetString()));
        }

        var stored = await StoredBallotsAsync(dots);
        Assert.Equal([holder.Joined.ParticipantId], stored.Keys);

        // The writer carries on: the same vote again is stored, and the room's tally counts it and the held one only.
        var again = await VoteAsync(voters[0].Client, dots, "o1");
        Assert.True(again.GetProperty("ok").GetBoolean(), again.ToString());
        var sequence = again.GetProperty("sequence").GetInt64();
        var tally = (await facilitator.WaitForAsync("Tally", Patience, m => m[0].GetProperty("sequence").GetInt64() >= sequence))[0];
        Assert.Equal(2, tally.GetProperty("voters").GetInt32());
        Assert.Equal(2, (await StoredBallotsAsync(dots)).Count);
    }
}
