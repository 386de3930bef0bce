using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Responses;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoProduce.Core.Tests.Responses;

public sealed class ResponseCommitterTestsSqlite(SqliteTestDatabase database) : ResponseCommitterTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ResponseCommitterTestsPostgres(PostgresTestDatabase database) : ResponseCommitterTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>Group commit of submissions: acknowledged only once stored, never dropped, failures kept apart.</summary>
public abstract class ResponseCommitterTests(TestDatabase database) : HandlerTestBase(database)
{
    [Fact]
    public async Task SubmitResponse_ManyDraftsAtOnce_StoresEachOnceWithItsOwnReceipt()
    {
        var reference = await ImportOpenConsultationAsync();
        var tokens = await StartDraftsAsync(reference, 40);

        var results = await Task.WhenAll(tokens.Select(SubmitAsync));

        Assert.All(results, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        Assert.Equal(40, results.Select(r => r.Value.ReceiptCode.Canonical).Distinct().Count());
        await using var db = Database.CreateContext();
        var id = db.Consultations.Single(c => c.Reference == reference).Id;
        Assert.Equal(40, await db.Responses.CountAsync(r => r.ConsultationId == id));
        Assert.Equal(40, await db.Drafts.CountAsync(d => d.ConsultationId == id && d.Submitted));
    }

    [Fact]
    public async Task CommitAsync_WithoutADraft_StoresTheResponseAndSignalsListenersAfterTheCommit()
    {
        var (consultationId, _) = await DraftsAsync(1);
        await using var committer = NewCommitter();
        var notifier = Services.GetRequiredService<ResponseNotifier>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var changes = notifier.ListenAsync(consultationId, stop.Token).GetAsyncEnumerator(stop.Token);
        var changed = changes.MoveNextAsync();

        var accepted = await committer.CommitAsync(null, NewResponse(consultationId));

        Assert.True(accepted);
        Assert.True(await changed);
        Assert.Equal(1, await CountResponsesAsync(consultationId));
    }

    [Fact]
    public async Task CommitWholeAsync_StampsInOneBatch_StoresOnlyThoseValidatedAgainstTheCurrentStamp()
    {
        var (consultationId, drafts) = await DraftsAsync(1);
        Guid current;
        await using (var db = Database.CreateContext())
        {
            current = (await db.Consultations.SingleAsync(c => c.Id == consultationId)).ChangeStamp;
        }

        await using var committer = NewCommitter();
        var (sizes, gate) = HoldBatches(committer);
        var held = committer.CommitAsync(drafts[0], NewResponse(consultationId));
        await WaitUntilAsync(() => sizes.Count == 1);
        var fresh = Enumerable.Range(0, 3).Select(_ => committer.CommitWholeAsync(NewResponse(consultationId), current)).ToList();
        var stale = committer.CommitWholeAsync(NewResponse(consultationId), Guid.NewGuid());
        var gone = committer.CommitWholeAsync(NewResponse(ConsultationId.New()), current);
        gate.SetResult();

        Assert.True(await held);
        Assert.All(await Task.WhenAll(fresh), Assert.True);
        Assert.False(await stale);
        Assert.False(await gone);
        Assert.Equal([1, 5], sizes);
        Assert.Equal(4, await CountResponsesAsync(consultationId));
    }

    [Fact]
    public async Task CommitAsync_QueuedWhileABatchCommits_CommitsTheRestTogether()
    {
        var (consultationId, drafts) = await DraftsAsync(5);
        await using var committer = NewCommitter();
        var (sizes, gate) = HoldBatches(committer);

        var first = committer.CommitAsync(drafts[0], NewResponse(consultationId));
        await WaitUntilAsync(() => sizes.Count == 1);
        var rest = drafts.Skip(1).Select(d => committer.CommitAsync(d, NewResponse(consultationId))).ToList();
        gate.SetResult();
        var accepted = await Task.WhenAll([first, .. rest]);

        Assert.All(accepted, Assert.True);
        Assert.Equal([1, 4], sizes);
        Assert.Equal(5, await CountResponsesAsync(consultationId));
    }

    [Fact]
    public async Task CommitAsync_SameDraftTwiceInOneBatch_StoresOneAndRefusesTheOther()
    {
        var (consultationId, drafts) = await DraftsAsync(1);
        await using var committer = NewCommitter();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = 0;
        committer.BeforeBatch = async _ =>
        {
            if (Interlocked.Increment(ref batches) == 1)
            {
                await gate.Task;
            }
        };
        var (blockerConsultation, blocker) = await DraftsAsync(1);
        var held = committer.CommitAsync(blocker[0], NewResponse(blockerConsultation));
        await WaitUntilAsync(() => Volatile.Read(ref batches) == 1);

        var twice = new[] { committer.CommitAsync(drafts[0], NewResponse(consultationId)), committer.CommitAsync(drafts[0], NewResponse(consultationId)) };
        gate.SetResult();
        await held;
        var accepted = await Task.WhenAll(twice);

        Assert.Equal([true, false], accepted);
        Assert.Equal(1, await CountResponsesAsync(consultationId));
    }

    [Fact]
    public async Task CommitAsync_OneFailingSubmissionInABatch_FailsOnlyThatCaller()
    {
        var (consultationId, drafts) = await DraftsAsync(5);
        await using var committer = NewCommitter();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = 0;
        committer.BeforeBatch = async _ =>
        {
            if (Interlocked.Increment(ref batches) == 1)
            {
                await gate.Task;
            }
        };
        var held = committer.CommitAsync(drafts[0], NewResponse(consultationId));
        await WaitUntilAsync(() => Volatile.Read(ref batches) == 1);

        // A response to a consultation that does not exist breaks the foreign key, and so the batch.
        var good = drafts.Skip(1).Take(3).Select(d => committer.CommitAsync(d, NewResponse(consultationId))).ToList();
        var bad = committer.CommitAsync(drafts[4], NewResponse(ConsultationId.New()));
        gate.SetResult();

        Assert.True(await held);
        Assert.All(await Task.WhenAll(good), Assert.True);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => bad);
        Assert.Equal(4, await CountResponsesAsync(consultationId));
        await using var db = Database.CreateContext();
        Assert.False((await db.Drafts.SingleAsync(d => d.Id == drafts[4])).Submitted);
    }

    [Fact]
    public async Task CommitAsync_WholeBatchFails_EveryCallerGetsTheFailureAndNothingIsStored()
    {
        var (consultationId, drafts) = await DraftsAsync(3);
        await using var committer = NewCommitter();

        var attempts = drafts.Select(d => committer.CommitAsync(d, NewResponse(ConsultationId.New()))).ToList();

        foreach (var attempt in attempts)
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => attempt);
        }

        Assert.Equal(0, await CountResponsesAsync(consultationId));
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Drafts.CountAsync(d => d.ConsultationId == consultationId && d.Submitted));
    }

    [Fact]
    public async Task DisposeAsync_WithSubmissionsQueued_CommitsThemBeforeItReturns()
    {
        var (consultationId, drafts) = await DraftsAsync(10);
        var committer = NewCommitter();

        var pending = drafts.Select(d => committer.CommitAsync(d, NewResponse(consultationId))).ToList();
        await committer.DisposeAsync();

        Assert.All(pending, p => Assert.True(p.IsCompletedSuccessfully && p.Result));
        Assert.Equal(10, await CountResponsesAsync(consultationId));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => committer.CommitAsync(drafts[0], NewResponse(consultationId)));
    }

    /// <summary>Records each batch's size and holds every batch until the gate opens.</summary>
    private static (List<int> Sizes, TaskCompletionSource Gate) HoldBatches(ResponseCommitter committer)
    {
        var sizes = new List<int>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        committer.BeforeBatch = async size =>
        {
            sizes.Add(size);
            await gate.Task;
        };
        return (sizes, gate);
    }

    private ResponseCommitter NewCommitter() =>
        new(Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<ResponseCommitter>.Instance, Services.GetRequiredService<ResponseNotifier>());

    private async Task<List<SessionToken>> StartDraftsAsync(string reference, int count)
    {
        var tokens = new List<SessionToken>();
        for (var i = 0; i < count; i++)
        {
            var token = await StartAsync(reference);
            var saved = await SaveAsync(token, SampleConsultation.Services, (SampleConsultation.Town, [$"Town {i}"]));
            Assert.True(saved.IsSuccess, string.Join("; ", saved.Errors));
            tokens.Add(token);
        }

        return tokens;
    }

    private async Task<(ConsultationId Consultation, List<DraftId> Drafts)> DraftsAsync(int count)
    {
        var reference = await ImportOpenConsultationAsync();
        await StartDraftsAsync(reference, count);
        await using var db = Database.CreateContext();
        var consultation = db.Consultations.Single(c => c.Reference == reference).Id;
        var drafts = await db.Drafts.Where(d => d.ConsultationId == consultation).Select(d => d.Id).ToListAsync();
        return (consultation, drafts);
    }

    private Response NewResponse(ConsultationId consultation) => new(
        ResponseId.New(),
        consultation,
        Services.GetRequiredService<SecretHasher>().Hash(SecretCode.Generate(), SecretPurpose.Receipt),
        DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime),
        ResponseChannel.Online,
        RespondentChoices.Default,
        new AnswerSheet(new Dictionary<QuestionId, Answer> { [SampleConsultation.Town] = new TextAnswer("Bangor") }),
        []);

    private async Task<int> CountResponsesAsync(ConsultationId consultation)
    {
        await using var db = Database.CreateContext();
        return await db.Responses.CountAsync(r => r.ConsultationId == consultation);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the committer");
            await Task.Delay(5);
        }
    }
}
