using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Tests.Consultations;

public sealed class ConsultationHandlerTestsSqlite(SqliteTestDatabase database) : ConsultationHandlerTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ConsultationHandlerTestsPostgres(PostgresTestDatabase database) : ConsultationHandlerTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>Consultation use cases against a real database.</summary>
public abstract class ConsultationHandlerTests(TestDatabase database) : HandlerTestBase(database)
{
    private static string DemoPath => Path.Combine(AppContext.BaseDirectory, "DemoContent", "sexual-violence-support-services.json");

    private static string Json<T>(T value) => CoProduce.Core.Storage.StorageJson.Serialize(value);

    private Task<Result<ImportedConsultation>> ImportAsync(ConsultationDefinition definition) =>
        Run<ImportConsultation, Result<ImportedConsultation>>(h => h.HandleAsync(definition));

    [Fact]
    public async Task ImportConsultation_ValidDefinition_StoresEverythingAndSchedules()
    {
        var reference = NewReference();
        var now = Time.GetUtcNow();
        var definition = SampleConsultation.Definition(reference.ToLowerInvariant(), now.AddDays(1), now.AddDays(30));

        var imported = await ImportAsync(definition);

        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        Assert.Equal(reference, imported.Value.Reference);
        Assert.Equal(ConsultationStatus.Scheduled, imported.Value.Status);
        var stored = (await Run<GetConsultation, Result<Consultation>>(h => h.HandleAsync(reference))).Value;
        Assert.Equal(definition.ToDetails().Title, stored.Details.Title);
        Assert.Equal(Json(definition.ToDetails()), Json(stored.Details));
        Assert.Equal(Json(definition.Questionnaire), Json(stored.Questionnaire));
        Assert.Equal(definition.OpensAt, stored.OpensAt);
        Assert.Equal(definition.Questionnaire.Sections.Count + 1, stored.Sections.Count);
    }

    [Fact]
    public async Task ImportConsultation_SameReferenceTwice_ReturnsDuplicateReference()
    {
        var reference = await ImportOpenConsultationAsync();
        var now = Time.GetUtcNow();

        var again = await ImportAsync(SampleConsultation.Definition(reference, now, now.AddDays(3)));

        Assert.Equal(ErrorCodes.ImportDuplicateReference, again.FirstError?.Code);
    }

    [Fact]
    public async Task ImportConsultation_UnknownFormOfViolence_ReturnsLocatedError()
    {
        var now = Time.GetUtcNow();
        var definition = SampleConsultation.Definition(NewReference(), now, now.AddDays(3)) with { FormsOfViolence = ["wales.stalking", "wales.unheard-of"] };

        var result = await ImportAsync(definition);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.ImportUnknownFormOfViolence, error.Code);
        Assert.Equal("$.formsOfViolence[1]", error.Path);
    }

    [Fact]
    public async Task ImportConsultation_RequiresApproval_AwaitsApprovalAndIsNotPublic()
    {
        var now = Time.GetUtcNow();
        var definition = SampleConsultation.Definition(NewReference(), now.AddDays(-1), now.AddDays(3)) with { RequiresApproval = true };

        var imported = await ImportAsync(definition);
        var found = await Run<GetConsultation, Result<Consultation>>(h => h.HandleAsync(imported.Value.Reference));

        Assert.Equal(ConsultationStatus.AwaitingApproval, imported.Value.Status);
        Assert.Equal(ErrorCodes.ConsultationNotFound, found.FirstError?.Code);
    }

    [Fact]
    public async Task ImportConsultation_FromJsonText_ReportsPositions()
    {
        var json = (await File.ReadAllTextAsync(DemoPath)).Replace("\"wales.sexual-harassment\"", "\"wales.nope\"", StringComparison.Ordinal);

        var result = await Run<ImportConsultation, Result<ImportedConsultation>>(h => h.HandleAsync(json));

        // The demo may already be imported by another test in this class: look at the form only.
        var error = Assert.Single(result.Errors, e => e.Code == ErrorCodes.ImportUnknownFormOfViolence);
        Assert.Equal(json.Split('\n').ToList().FindIndex(l => l.Contains("wales.nope", StringComparison.Ordinal)) + 1, error.Position?.Line);
    }

    [Fact]
    public async Task ListOpenConsultations_Mixed_ListsOnlyOpenPublicOnesClosingSoonestFirst()
    {
        var now = Time.GetUtcNow();
        var later = NewReference();
        var sooner = NewReference();
        var notYet = NewReference();
        var inviteOnly = NewReference();
        var unpublished = NewReference();
        await ImportAsync(SampleConsultation.Definition(later, now.AddDays(-1), now.AddDays(40)));
        await ImportAsync(SampleConsultation.Definition(sooner, now.AddDays(-1), now.AddDays(10)));
        await ImportAsync(SampleConsultation.Definition(notYet, now.AddDays(1), now.AddDays(10)));
        await ImportAsync(SampleConsultation.Definition(inviteOnly, now.AddDays(-1), now.AddDays(10), audience: Audience.InviteOnly));
        await ImportAsync(SampleConsultation.Definition(unpublished, now.AddDays(-1), now.AddDays(10)) with { Publish = false });

        var open = (await Run<ListOpenConsultations, IReadOnlyList<ConsultationSummary>>(h => h.HandleAsync())).Select(s => s.Reference).ToList();

        Assert.True(open.IndexOf(sooner) >= 0 && open.IndexOf(sooner) < open.IndexOf(later));
        Assert.DoesNotContain(notYet, open);
        Assert.DoesNotContain(inviteOnly, open);
        Assert.DoesNotContain(unpublished, open);

        Time.Advance(TimeSpan.FromDays(11));
        var afterSoonerCloses = (await Run<ListOpenConsultations, IReadOnlyList<ConsultationSummary>>(h => h.HandleAsync())).Select(s => s.Reference).ToList();
        Assert.DoesNotContain(sooner, afterSoonerCloses);
        Assert.Contains(later, afterSoonerCloses);
    }

    [Fact]
    public async Task GetConsultation_ClosedByClock_ReportsClosedStatus()
    {
        var reference = await ImportOpenConsultationAsync();
        Time.Advance(TimeSpan.FromDays(30));

        var consultation = (await Run<GetConsultation, Result<Consultation>>(h => h.HandleAsync(reference.ToLowerInvariant()))).Value;

        Assert.Equal(ConsultationStatus.Closed, consultation.StatusAt(Time.GetUtcNow()));
        Assert.False(consultation.IsAcceptingResponses(Time.GetUtcNow()));
    }

    [Fact]
    public async Task GetConsultation_Unknown_ReturnsNotFound()
    {
        var result = await Run<GetConsultation, Result<Consultation>>(h => h.HandleAsync("ZZ000000"));

        Assert.Equal(ErrorCodes.ConsultationNotFound, result.FirstError?.Code);
    }

    [Fact]
    public async Task CloseExpiredConsultations_PastClosing_ClosesAndDeletesDrafts()
    {
        var reference = await ImportOpenConsultationAsync();
        var token = await StartAsync(reference);
        await SaveAsync(token, SampleConsultation.Services, (SampleConsultation.Town, ["Llandudno"]));

        var whileOpen = await Run<CloseExpiredConsultations, LifecycleSweep>(h => h.HandleAsync());
        Time.Advance(TimeSpan.FromDays(29));
        var afterClosing = await Run<CloseExpiredConsultations, LifecycleSweep>(h => h.HandleAsync());
        var again = await Run<CloseExpiredConsultations, LifecycleSweep>(h => h.HandleAsync());

        Assert.True(whileOpen.Opened >= 1);
        Assert.True(afterClosing.Closed >= 1);
        Assert.True(afterClosing.DraftsDeleted >= 1);
        Assert.Equal(new LifecycleSweep(0, 0, 0), again);
        await using var db = Database.CreateContext();
        var consultation = await db.Consultations.SingleAsync(c => c.Reference == reference);
        Assert.Equal(ConsultationStatus.Closed, consultation.Status);
        Assert.False(await db.Drafts.AnyAsync(d => d.ConsultationId == consultation.Id));
    }

    [Fact]
    public async Task CloseExpiredConsultations_Submitted_KeepsResponses()
    {
        var reference = await ImportOpenConsultationAsync();
        var token = await StartAsync(reference);
        await SaveAsync(token, SampleConsultation.Services, (SampleConsultation.Town, ["Dinbych"]));
        await SubmitAsync(token);
        Time.Advance(TimeSpan.FromDays(29));

        await Run<CloseExpiredConsultations, LifecycleSweep>(h => h.HandleAsync());

        await using var db = Database.CreateContext();
        var id = (await db.Consultations.SingleAsync(c => c.Reference == reference)).Id;
        Assert.Equal(1, await db.Responses.CountAsync(r => r.ConsultationId == id));
    }

    [Fact]
    public async Task SeedAsync_Absent_ImportsDemoOpenNowThenDoesNothing()
    {
        await using var db = Database.CreateContext();

        var first = await DemoContent.SeedAsync(db, Time, DemoPath);
        var second = await DemoContent.SeedAsync(db, Time, DemoPath);

        Assert.NotNull(first);
        Assert.True(first.IsSuccess, string.Join("; ", first.Errors));
        Assert.Null(second);
        var reference = first.Value.Reference;
        var consultation = (await Run<GetConsultation, Result<Consultation>>(h => h.HandleAsync(reference))).Value;
        var now = Time.GetUtcNow();
        Assert.True(consultation.IsAcceptingResponses(now));
        Assert.InRange(now - consultation.OpensAt, TimeSpan.FromDays(6), TimeSpan.FromDays(8));
        Assert.InRange(consultation.ClosesAt - now, TimeSpan.FromDays(76), TimeSpan.FromDays(78));
        Assert.Contains(reference, (await Run<ListOpenConsultations, IReadOnlyList<ConsultationSummary>>(h => h.HandleAsync())).Select(s => s.Reference));
    }
}
