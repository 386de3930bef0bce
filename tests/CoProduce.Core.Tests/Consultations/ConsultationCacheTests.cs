using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Tests.Consultations;

public sealed class ConsultationCacheTestsSqlite(SqliteTestDatabase database) : ConsultationCacheTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ConsultationCacheTestsPostgres(PostgresTestDatabase database) : ConsultationCacheTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The consultation cache behind the respondent's pages: a copy is reused while the row is unchanged,
/// and a change saved by anyone (here: a context outside the host's services, as another server
/// process would be) is seen by the very next read.
/// </summary>
public abstract class ConsultationCacheTests(TestDatabase database) : HandlerTestBase(database)
{
    private Task<Result<Consultation>> GetAsync(string reference) =>
        Run<GetConsultation, Result<Consultation>>(h => h.HandleAsync(reference));

    /// <summary>Changes the consultation through a context of its own, as another process would.</summary>
    private async Task ChangeElsewhereAsync(string reference, Action<Consultation> change)
    {
        await using var db = Database.CreateContext();
        var consultation = await db.Consultations.SingleAsync(c => c.Reference == reference);
        change(consultation);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task GetConsultation_UnchangedSinceLastRead_ReturnsTheSameCopy()
    {
        var reference = await ImportOpenConsultationAsync();

        var first = (await GetAsync(reference)).Value;
        var second = (await GetAsync(reference)).Value;

        Assert.Same(first, second);
    }

    [Fact]
    public async Task GetConsultation_ChangedElsewhere_ReturnsTheChange()
    {
        var reference = await ImportOpenConsultationAsync();
        var before = (await GetAsync(reference)).Value;
        var newClosing = before.ClosesAt.AddDays(7);

        await ChangeElsewhereAsync(reference, c => c.Reschedule(c.IssuedOn, c.OpensAt, newClosing));
        var after = (await GetAsync(reference)).Value;

        Assert.NotSame(before, after);
        Assert.Equal(newClosing, after.ClosesAt);
        Assert.NotEqual(before.ChangeStamp, after.ChangeStamp);
    }

    [Fact]
    public async Task SaveSectionAnswers_ConsultationClosedElsewhereAfterDraftRead_RefusesWithClosed()
    {
        var reference = await ImportOpenConsultationAsync();
        var token = await StartAsync(reference);
        Assert.True((await GetDraftAsync(token)).Value.IsAcceptingResponses); // the open copy is now cached

        var now = Time.GetUtcNow();
        await ChangeElsewhereAsync(reference, c => c.Reschedule(c.IssuedOn, now.AddDays(-2), now.AddMinutes(-1)));
        var saved = await SaveAsync(token, SampleConsultation.Services, (SampleConsultation.Town, ["Cardiff"]));

        Assert.True(saved.IsFailure);
        Assert.Contains(saved.Errors, e => e.Code == ErrorCodes.ConsultationClosed);
        Assert.False((await GetDraftAsync(token)).Value.IsAcceptingResponses);
    }

    [Fact]
    public async Task SaveChanges_ConsultationChanged_GetsNewChangeStamp()
    {
        var reference = await ImportOpenConsultationAsync();
        await using var db = Database.CreateContext();
        var consultation = await db.Consultations.SingleAsync(c => c.Reference == reference);
        var imported = consultation.ChangeStamp;

        await db.SaveChangesAsync();
        var afterNoChange = consultation.ChangeStamp;
        consultation.Reschedule(consultation.IssuedOn, consultation.OpensAt, consultation.ClosesAt.AddDays(1));
        await db.SaveChangesAsync();

        Assert.NotEqual(Guid.Empty, imported);
        Assert.Equal(imported, afterNoChange);
        Assert.NotEqual(imported, consultation.ChangeStamp);
        await using var check = Database.CreateContext();
        Assert.Equal(consultation.ChangeStamp, (await check.Consultations.AsNoTracking().SingleAsync(c => c.Reference == reference)).ChangeStamp);
    }
}
