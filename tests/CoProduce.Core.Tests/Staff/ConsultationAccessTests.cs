using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Core.Tests.Staff;

public sealed class ConsultationAccessTestsSqlite(SqliteTestDatabase database) : ConsultationAccessTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ConsultationAccessTestsPostgres(PostgresTestDatabase database) : ConsultationAccessTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>ConsultationAccess against a real, migrated database: loading, assignments and listings.</summary>
public abstract class ConsultationAccessTests(TestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private ServiceProvider _services = null!; // Set in InitializeAsync, before any test runs.
    private OrganisationId _mine;
    private OrganisationId _theirs;

    public async Task InitializeAsync()
    {
        _services = database.CreateServices(_time);
        _mine = await AddOrganisationAsync("Mine");
        _theirs = await AddOrganisationAsync("Theirs");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task AuthorizeAsync_CommissionerOnOwnDraft_ReturnsTheConsultation()
    {
        var id = await ImportAsync(_mine, publish: false);

        var result = await AuthorizeAsync(Commissioner(_mine), id, ConsultationPermission.Edit);

        Assert.True(result.IsSuccess);
        Assert.Equal(id, result.Value.Id);
        Assert.Equal(_mine, result.Value.OwnerOrganisationId);
    }

    [Fact]
    public async Task AuthorizeAsync_CommissionerOnOtherOrganisationsDraft_IsNotFound()
    {
        var id = await ImportAsync(_theirs, publish: false);

        var result = await AuthorizeAsync(Commissioner(_mine), id, ConsultationPermission.View);

        Assert.Equal(ErrorCodes.NotFound, result.FirstError?.Code);
    }

    [Fact]
    public async Task AuthorizeAsync_CommissionerReadsResponsesOfOtherOrganisationsPublished_IsForbidden()
    {
        var id = await ImportAsync(_theirs, publish: true);

        Assert.True((await AuthorizeAsync(Commissioner(_mine), id, ConsultationPermission.View)).IsSuccess);
        Assert.Equal(ErrorCodes.Forbidden, (await AuthorizeAsync(Commissioner(_mine), id, ConsultationPermission.ReadResponses)).FirstError?.Code);
    }

    [Fact]
    public async Task AuthorizeAsync_AssignedAnalyst_MayReadResponsesOfADraft()
    {
        var id = await ImportAsync(_theirs, publish: false);
        var analyst = Actor(_mine, StaffRoles.Analyst);
        Assert.Equal(ErrorCodes.NotFound, (await AuthorizeAsync(analyst, id, ConsultationPermission.ReadResponses)).FirstError?.Code);

        await using (var db = database.CreateContext())
        {
            db.ConsultationAnalysts.Add(new ConsultationAnalyst(id, analyst.UserId));
            await db.SaveChangesAsync();
        }

        Assert.True((await AuthorizeAsync(analyst, id, ConsultationPermission.ReadResponses)).IsSuccess);
        Assert.Equal(ErrorCodes.Forbidden, (await AuthorizeAsync(analyst, id, ConsultationPermission.Edit)).FirstError?.Code);
    }

    [Fact]
    public async Task AuthorizeAsync_UnknownId_IsNotFoundEvenForAdministrator()
    {
        var result = await AuthorizeAsync(Actor(_mine, StaffRoles.Administrator), ConsultationId.New(), ConsultationPermission.View);

        Assert.Equal(ErrorCodes.NotFound, result.FirstError?.Code);
    }

    [Fact]
    public async Task VisibleTo_EachRole_ListsOnlyWhatItMayView()
    {
        var myDraft = await ImportAsync(_mine, publish: false);
        var theirDraft = await ImportAsync(_theirs, publish: false);
        var theirPublished = await ImportAsync(_theirs, publish: true);
        var assignedDraft = await ImportAsync(_theirs, publish: false);
        var analyst = Actor(_mine, StaffRoles.Analyst);
        await using (var db = database.CreateContext())
        {
            db.ConsultationAnalysts.Add(new ConsultationAnalyst(assignedDraft, analyst.UserId));
            await db.SaveChangesAsync();
        }

        var created = new[] { myDraft, theirDraft, theirPublished, assignedDraft };

        Assert.Equal(Sorted(myDraft, theirPublished), await VisibleAsync(Commissioner(_mine), created));
        Assert.Equal(Sorted(theirPublished, assignedDraft), await VisibleAsync(analyst, created));
        Assert.Equal(Sorted(theirPublished), await VisibleAsync(Actor(_mine, StaffRoles.Facilitator), created));
        Assert.Equal(Sorted(created), await VisibleAsync(Actor(_mine, StaffRoles.Administrator), created));
        Assert.Empty(await VisibleAsync(Actor(_mine, StaffRoles.None), created));
    }

    [Fact]
    public async Task RecordAsync_SavedWithTheChange_WritesOneEntryAndNothingWithoutSave()
    {
        var actor = Commissioner(_mine);
        _time.SetUtcNow(new DateTimeOffset(2026, 5, 4, 10, 11, 12, TimeSpan.Zero));
        await using (var scope = _services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            await log.RecordAsync(actor, "test.unsaved", "thing", "1", CancellationToken.None);
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            await log.RecordAsync(actor, "test.saved", "thing", "2", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().SaveChangesAsync();
        }

        await using var db = database.CreateContext();
        var entries = await db.AuditEntries.Where(a => a.Action.StartsWith("test.")).ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Equal(("test.saved", "thing", "2"), (entry.Action, entry.SubjectType, entry.SubjectId));
        Assert.Equal(actor.UserId, entry.ActorUserId);
        Assert.Equal(_mine, entry.OrganisationId);
        Assert.Equal(_time.GetUtcNow(), entry.OccurredAt);
    }

    private static ConsultationId[] Sorted(params ConsultationId[] ids) => ids.OrderBy(i => i.Value).ToArray();

    private static StaffActor Actor(OrganisationId organisation, StaffRoles roles) => new(StaffUserId.New(), organisation, roles, "Someone");

    private static StaffActor Commissioner(OrganisationId organisation) => Actor(organisation, StaffRoles.Commissioner);

    private async Task<Result<Consultation>> AuthorizeAsync(StaffActor actor, ConsultationId id, ConsultationPermission permission)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsultationAccess>().AuthorizeAsync(actor, id, permission, CancellationToken.None);
    }

    private async Task<ConsultationId[]> VisibleAsync(StaffActor actor, ConsultationId[] among)
    {
        await using var scope = _services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<ConsultationAccess>().VisibleTo(actor).Select(c => c.Id).ToListAsync();
        return ids.Where(among.Contains).OrderBy(i => i.Value).ToArray();
    }

    private async Task<OrganisationId> AddOrganisationAsync(string name)
    {
        await using var db = database.CreateContext();
        var organisation = new Organisation(OrganisationId.New(), $"{name} {Guid.NewGuid():N}", OrganisationKind.CommissioningBody, Jurisdiction.Wales);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    private async Task<ConsultationId> ImportAsync(OrganisationId owner, bool publish)
    {
        var now = _time.GetUtcNow();
        var reference = $"T{Random.Shared.Next(100_000, 999_999)}{Random.Shared.Next(10, 99)}";
        var definition = SampleConsultation.Definition(reference, now.AddDays(1), now.AddDays(29)) with { Publish = publish, RequiresApproval = false };
        await using var scope = _services.CreateAsyncScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ImportConsultation>().HandleAsync(definition, owner);
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        return imported.Value.Id;
    }
}
