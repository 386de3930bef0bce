using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Core.Tests.Responses;

public sealed class SubmitCompleteResponseTestsSqlite(SqliteTestDatabase database) : SubmitCompleteResponseTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class SubmitCompleteResponseTestsPostgres(PostgresTestDatabase database) : SubmitCompleteResponseTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The one-request submission validates against the consultation held in memory and has the committer
/// check its change stamp in the storing transaction: a consultation changed after it was cached must
/// never receive a response validated against the old copy.
/// </summary>
public abstract class SubmitCompleteResponseTests(TestDatabase database) : HandlerTestBase(database)
{
    [Fact]
    public async Task HandleAsync_ManyAtOnce_StoresEachOnceWithItsOwnReceipt()
    {
        var reference = await ImportOpenConsultationAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => SubmitWholeAsync(reference, $"Town {i}")));

        Assert.All(results, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        Assert.Equal(30, results.Select(r => r.Value.ReceiptCode.Canonical).Distinct().Count());
        Assert.Equal(30, await CountResponsesAsync(reference));
    }

    [Fact]
    public async Task HandleAsync_ConsultationClosedAfterItWasCached_RefusesAndStoresNothing()
    {
        var reference = await ImportOpenConsultationAsync();
        Assert.True((await SubmitWholeAsync(reference, "Bangor")).IsSuccess); // the consultation is now in memory

        // Closed by a save (a new change stamp), which the copy in memory does not show.
        await RescheduleAsync(reference, closesAt: Time.GetUtcNow().AddMinutes(-1));
        var refused = await SubmitWholeAsync(reference, "Rhyl");

        Assert.True(refused.IsFailure);
        Assert.Equal(ErrorCodes.ConsultationNotOpen, Assert.Single(refused.Errors).Code);
        Assert.Equal(1, await CountResponsesAsync(reference));
    }

    [Fact]
    public async Task HandleAsync_ConsultationChangedAfterItWasCached_StoresOnceAgainstTheNewCopy()
    {
        var reference = await ImportOpenConsultationAsync();
        Assert.True((await SubmitWholeAsync(reference, "Bangor")).IsSuccess);
        var cache = Services.GetRequiredService<ConsultationCache>();
        var before = cache.PeekByReference(reference)!.ChangeStamp;

        await RescheduleAsync(reference, closesAt: Time.GetUtcNow().AddDays(60));
        var accepted = await SubmitWholeAsync(reference, "Rhyl");

        Assert.True(accepted.IsSuccess, string.Join("; ", accepted.Errors));
        Assert.Equal(2, await CountResponsesAsync(reference));
        await using var db = Database.CreateContext();
        var saved = await db.Consultations.SingleAsync(c => c.Reference == reference);
        Assert.NotEqual(before, saved.ChangeStamp);
        Assert.Equal(saved.ChangeStamp, cache.PeekByReference(reference)!.ChangeStamp); // read again after the refused commit
    }

    [Fact]
    public async Task HandleAsync_UnknownReference_RefusesWithNotFound()
    {
        var result = await SubmitWholeAsync("ZZ999999", "Bangor");

        Assert.Equal(ErrorCodes.ConsultationNotFound, Assert.Single(result.Errors).Code);
    }

    private Task<Result<SubmittedResponse>> SubmitWholeAsync(string reference, string town) =>
        Run<SubmitCompleteResponse, Result<SubmittedResponse>>(h => h.HandleAsync(new CompleteResponseRequest(
            reference, SampleConsultation.Form((SampleConsultation.Town, [town])), [], RespondentChoices.Default)));

    private async Task RescheduleAsync(string reference, DateTimeOffset closesAt)
    {
        await using var db = Database.CreateContext();
        var consultation = await db.Consultations.SingleAsync(c => c.Reference == reference);
        consultation.Reschedule(consultation.IssuedOn, consultation.OpensAt, closesAt);
        await db.SaveChangesAsync();
    }

    private async Task<int> CountResponsesAsync(string reference)
    {
        await using var db = Database.CreateContext();
        var id = (await db.Consultations.SingleAsync(c => c.Reference == reference)).Id;
        return await db.Responses.CountAsync(r => r.ConsultationId == id);
    }
}
