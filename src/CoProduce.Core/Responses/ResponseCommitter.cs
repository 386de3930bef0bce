using System.Threading.Channels;
using CoProduce.Core.Consultations;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoProduce.Core.Responses;

/// <summary>
/// Group commit for submissions. Concurrent submissions queue here and one writer commits them
/// together: one transaction (and one flush to disk) claims each draft and inserts each response.
/// While a batch commits the next one gathers, so a lone submission waits only for its own commit.
/// A caller is answered only after the commit that holds its response, or with that commit's failure;
/// when a batch fails, each of its submissions is retried alone so that one bad submission fails only
/// its own caller. Nothing queued is dropped: disposal drains the queue.
/// </summary>
public sealed partial class ResponseCommitter : IAsyncDisposable
{
    /// <summary>Most submissions committed in one transaction.</summary>
    public const int MaxBatchSize = 64;

    private readonly Channel<PendingSubmission> _queue =
        Channel.CreateUnbounded<PendingSubmission>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<ResponseCommitter> _logger;
    private readonly ResponseNotifier _notifier;
    private readonly Task _writer;

    // Compiled once per instance (a singleton, so one provider's model).
    private readonly Func<CoProduceDbContext, ConsultationId, Task<Guid?>> _currentStamp =
        EF.CompileAsyncQuery((CoProduceDbContext db, ConsultationId id) =>
            db.Consultations.Where(c => c.Id == id).Select(c => (Guid?)c.ChangeStamp).SingleOrDefault());

    public ResponseCommitter(IServiceScopeFactory scopes, ILogger<ResponseCommitter> logger, ResponseNotifier notifier)
    {
        _scopes = scopes;
        _logger = logger;
        _notifier = notifier;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Tests only: awaited before each batch is committed, with the batch's size.</summary>
    internal Func<int, Task>? BeforeBatch { get; set; }

    /// <summary>
    /// Claims the draft and stores the response, in a transaction shared with other submissions.
    /// Once queued the submission is committed or failed whatever happens to the caller's request,
    /// as a single transaction already sent would be, so there is no cancellation token.
    /// </summary>
    /// <param name="draftId">The draft the response comes from, claimed in the same transaction; null for a
    /// response submitted whole (the API's one-step submission), which has no draft to claim.</param>
    /// <param name="response">The response to store.</param>
    /// <returns>True once committed; false when the draft had already been submitted (nothing stored).</returns>
    public Task<bool> CommitAsync(DraftId? draftId, Response response) => Enqueue(new PendingSubmission(draftId, response, null));

    /// <summary>
    /// Stores a response submitted whole (no draft) that was validated against the consultation as saved
    /// with <paramref name="consultationStamp"/>: in the transaction that stores it, the consultation's
    /// <see cref="Consultation.ChangeStamp"/> is read (once per consultation in the batch) and the response is
    /// stored only if it is still that stamp. This lets the caller validate against a copy of the
    /// consultation held in memory (<see cref="ConsultationCache.PeekByReference"/>) without a read per request.
    /// </summary>
    /// <returns>True once committed; false when the consultation changed (or is gone) since that stamp: nothing
    /// stored, validate against a fresh copy and submit again.</returns>
    public Task<bool> CommitWholeAsync(Response response, Guid consultationStamp) => Enqueue(new PendingSubmission(null, response, consultationStamp));

    private Task<bool> Enqueue(PendingSubmission pending)
    {
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(ResponseCommitter), "The service is stopping and takes no more submissions.");
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
        var batch = new List<PendingSubmission>(MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await CommitBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitBatchAsync(IReadOnlyList<PendingSubmission> batch)
    {
        try
        {
            if (BeforeBatch is { } hook)
            {
                await hook(batch.Count);
            }

            var claimed = await CommitTogetherAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(claimed[i]);
            }

            foreach (var consultationId in batch.Where((_, i) => claimed[i]).Select(p => p.Response.ConsultationId).Distinct())
            {
                _notifier.Changed(consultationId);
            }
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            LogBatchFailed(_logger, batch.Count, exception);
            foreach (var pending in batch)
            {
                await CommitBatchAsync([pending]);
            }
        }
        catch (Exception exception)
        {
            // The writer must outlive any failure: the caller gets it instead.
            batch[0].Outcome.TrySetException(exception);
        }
    }

    private async Task<bool[]> CommitTogetherAsync(IReadOnlyList<PendingSubmission> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var claimed = new bool[batch.Count];
            await using var transaction = await db.Database.BeginTransactionAsync();
            Dictionary<ConsultationId, Guid?>? stamps = null;
            for (var i = 0; i < batch.Count; i++)
            {
                // A response validated against a consultation's stamp: stored only if it is still current.
                if (batch[i].ConsultationStamp is { } expected)
                {
                    var consultationId = batch[i].Response.ConsultationId;
                    stamps ??= [];
                    if (!stamps.TryGetValue(consultationId, out var current))
                    {
                        stamps[consultationId] = current = await _currentStamp(db, consultationId);
                    }

                    claimed[i] = current == expected;
                    if (claimed[i])
                    {
                        db.Responses.Add(batch[i].Response);
                    }

                    continue;
                }

                // Claim the draft first: of two submissions of one draft, in this batch or from
                // elsewhere, only one updates the row.
                if (batch[i].DraftId is not { } draftId)
                {
                    claimed[i] = true;
                    db.Responses.Add(batch[i].Response);
                    continue;
                }

                claimed[i] = await db.Drafts
                    .Where(d => d.Id == draftId && !d.Submitted)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(d => d.Submitted, true)
                            .SetProperty(d => d.Answers, AnswerSheet.Empty)
                            .SetProperty(d => d.SkippedSections, Array.Empty<SectionId>())
                            .SetProperty(d => d.Choices, RespondentChoices.Default)) == 1;
                if (claimed[i])
                {
                    db.Responses.Add(batch[i].Response);
                }
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return claimed;
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} submissions failed to commit; committing each alone.")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record PendingSubmission(DraftId? DraftId, Response Response, Guid? ConsultationStamp)
    {
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
