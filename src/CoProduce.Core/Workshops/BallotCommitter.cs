using System.Data.Common;
using System.Threading.Channels;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoProduce.Core.Workshops;

/// <summary>A ballot checked against a room at <paramref name="Revision"/>, waiting to be written.</summary>
public sealed record PendingBallot(WorkshopId WorkshopId, ActivityId ActivityId, ParticipantId ParticipantId, int Revision, IReadOnlyList<string> Choices);

/// <summary>The batch that held a ballot failed to commit: nothing of it was stored. Infrastructure, not the voter's doing.</summary>
public sealed class BallotsNotSavedException(Exception inner) : Exception("A batch of ballots failed to commit; none of them was stored.", inner);

/// <summary>
/// Group commit for ballots (the workshop's hot path: hundreds of people voting every second). Concurrent
/// ballots queue here and one writer stores them together: one transaction, one connection, and one
/// conditional statement per batch, an insert-or-replace of each ballot on condition that, in the same
/// statement, its participant is still admitted to the workshop and the workshop is still live at the
/// revision the ballot was checked against, showing that activity. A caller is answered only after the
/// commit that holds its ballot (true), or false when its condition did not hold (nothing stored for it),
/// or with the exception when the batch failed (nothing of the batch stored, nobody told it was).
/// While a batch commits the next one gathers, so a lone ballot waits only for its own commit.
/// </summary>
public sealed partial class BallotCommitter : IAsyncDisposable
{
    /// <summary>Most ballots in one transaction (five parameters each, well under every provider's limit).</summary>
    public const int MaxBatchSize = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<BallotCommitter> _logger;
    private readonly Task _writer;
    private int _queued;

    public BallotCommitter(IServiceScopeFactory scopes, ILogger<BallotCommitter> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Tests only: awaited before each batch's transaction begins, with the batch.</summary>
    internal Func<IReadOnlyList<PendingBallot>, Task>? BeforeBatch { get; set; }

    /// <summary>Tests only: awaited inside each batch's transaction after its statements and before its commit.</summary>
    internal Func<IReadOnlyList<PendingBallot>, Task>? BeforeCommit { get; set; }

    /// <summary>Tests only: ballots queued and not yet taken into a batch.</summary>
    internal int Queued => Volatile.Read(ref _queued);

    /// <summary>
    /// Stores the ballot in a transaction shared with other ballots. Once queued it is committed or failed
    /// whatever happens to the caller, as a statement already sent would be, so there is no cancellation token.
    /// </summary>
    /// <returns>True once committed; false when the participant is no longer admitted or the room changed since
    /// <see cref="PendingBallot.Revision"/> (nothing stored).</returns>
    public Task<bool> CommitAsync(PendingBallot ballot)
    {
        var pending = new Pending(ballot);
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(BallotCommitter), "The service is stopping and takes no more ballots.");
        }

        return pending.Outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            Interlocked.Add(ref _queued, -batch.Count);

            try
            {
                var written = await CommitTogetherAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Outcome.TrySetResult(written[i]);
                }
            }
            catch (Exception exception)
            {
                // Rolled back: nobody in the batch is told their ballot was stored. The writer carries on.
                LogBatchFailed(_logger, batch.Count, exception);
                var failed = new BallotsNotSavedException(exception);
                foreach (var pending in batch)
                {
                    pending.Outcome.TrySetException(failed);
                }
            }

            batch.Clear();
        }
    }

    private async Task<bool[]> CommitTogetherAsync(List<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var ballots = batch.ConvertAll(p => p.Ballot);
        if (BeforeBatch is { } before)
        {
            await before(ballots);
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var written = new bool[ballots.Count];
            await using var transaction = await db.Database.BeginTransactionAsync();
            var statement = new BallotStatement(db);

            // A participant twice in one batch (two tabs): their ballots go in later statements, in order,
            // because one statement cannot insert-or-replace the same row twice.
            var remaining = Enumerable.Range(0, ballots.Count).ToList();
            while (remaining.Count > 0)
            {
                var seen = new HashSet<(ActivityId, ParticipantId)>();
                var round = new List<int>(remaining.Count);
                var later = new List<int>();
                foreach (var i in remaining)
                {
                    (seen.Add((ballots[i].ActivityId, ballots[i].ParticipantId)) ? round : later).Add(i);
                }

                var stored = await statement.ExecuteAsync(transaction.GetDbTransaction(), round.ConvertAll(i => ballots[i]));
                foreach (var i in round)
                {
                    written[i] = stored.Contains((ballots[i].ActivityId, ballots[i].ParticipantId));
                }

                remaining = later;
            }

            if (BeforeCommit is { } hook)
            {
                await hook(ballots);
            }

            await transaction.CommitAsync();
            return written;
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} ballots failed to commit; none of them was acknowledged.")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record Pending(PendingBallot Ballot)
    {
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// The conditional insert-or-replace, written by hand because EF Core has no multi-row upsert. Parameters
    /// are made by the model's own type mappings (ids, JSON, enum names), so values are stored exactly as EF
    /// Core stores them; the names are the migrated schema's (the schema-equality test holds them to the model).
    /// </summary>
    private sealed class BallotStatement(CoProduceDbContext db)
    {
        public async Task<HashSet<(ActivityId, ParticipantId)>> ExecuteAsync(DbTransaction transaction, List<PendingBallot> ballots)
        {
            var ballot = db.Model.FindEntityType(typeof(Ballot))!; // Mapped in CoProduceDbContext.
            var participant = db.Model.FindEntityType(typeof(Participant))!;
            var workshop = db.Model.FindEntityType(typeof(Workshop))!;
            var activityMapping = Mapping(ballot, nameof(Ballot.ActivityId));
            var participantMapping = Mapping(ballot, nameof(Ballot.ParticipantId));
            var workshopMapping = Mapping(ballot, nameof(Ballot.WorkshopId));
            var choicesMapping = Mapping(ballot, nameof(Ballot.Choices));
            var revisionMapping = Mapping(workshop, nameof(Workshop.Revision));

            await using var command = transaction.Connection!.CreateCommand(); // A transaction being used has its connection.
            command.Transaction = transaction;
            var postgres = db.IsPostgres;
            var rows = new System.Text.StringBuilder();
            for (var i = 0; i < ballots.Count; i++)
            {
                var b = ballots[i];
                command.Parameters.Add(activityMapping.CreateParameter(command, $"@a{i}", b.ActivityId));
                command.Parameters.Add(participantMapping.CreateParameter(command, $"@p{i}", b.ParticipantId));
                command.Parameters.Add(workshopMapping.CreateParameter(command, $"@w{i}", b.WorkshopId));
                command.Parameters.Add(choicesMapping.CreateParameter(command, $"@c{i}", b.Choices));
                command.Parameters.Add(revisionMapping.CreateParameter(command, $"@r{i}", b.Revision));
                rows.Append(i == 0 ? "" : ", ").Append(postgres
                    ? $"(@a{i}, @p{i}, @w{i}, CAST(@c{i} AS jsonb), @r{i})"
                    : $"(@a{i}, @p{i}, @w{i}, @c{i}, @r{i})");
            }

            command.Parameters.Add(Mapping(participant, nameof(Participant.Status)).CreateParameter(command, "@admitted", ParticipantStatus.Admitted));
            command.Parameters.Add(Mapping(workshop, nameof(Workshop.State)).CreateParameter(command, "@live", WorkshopState.Live));
            command.CommandText = $"""
                WITH v (activity_id, participant_id, workshop_id, choices, revision) AS (VALUES {rows})
                INSERT INTO workshop_ballots (activity_id, participant_id, workshop_id, choices)
                SELECT v.activity_id, v.participant_id, v.workshop_id, v.choices FROM v
                WHERE EXISTS (SELECT 1 FROM workshop_participants p
                        WHERE p.id = v.participant_id AND p.workshop_id = v.workshop_id AND p.status = @admitted)
                    AND EXISTS (SELECT 1 FROM workshops w
                        WHERE w.id = v.workshop_id AND w.revision = v.revision AND w.state = @live AND w.current_activity_id = v.activity_id)
                ON CONFLICT (activity_id, participant_id) DO UPDATE SET choices = excluded.choices
                RETURNING activity_id, participant_id
                """;

            var stored = new HashSet<(ActivityId, ParticipantId)>();
            var readActivity = activityMapping.Converter!; // Strongly typed ids are always converted.
            var readParticipant = participantMapping.Converter!;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var activityId = (ActivityId)readActivity.ConvertFromProvider(reader.GetFieldValue<Guid>(0))!;
                var participantId = (ParticipantId)readParticipant.ConvertFromProvider(reader.GetFieldValue<Guid>(1))!;
                stored.Add((activityId, participantId));
            }

            return stored;
        }

        private static RelationalTypeMapping Mapping(IEntityType entity, string property) =>
            entity.FindProperty(property)!.GetRelationalTypeMapping(); // Mapped properties, named by nameof.
    }
}
