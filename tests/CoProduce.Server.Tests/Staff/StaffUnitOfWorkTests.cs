using CoProduce.Core;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Staff;
using CoProduce.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoProduce.Server.Tests.Staff;

public sealed class StaffUnitOfWorkTestsSqlite() : StaffUnitOfWorkTests(new SqliteTestDatabase());

public sealed class StaffUnitOfWorkTestsPostgres() : StaffUnitOfWorkTests(new PostgresTestDatabase());

/// <summary>
/// Account changes made through Identity and their audit entries are one transaction: when the
/// database refuses the audit row (a trigger here, standing for any failure), the change is not
/// kept either; when both succeed, both are there.
/// </summary>
public abstract class StaffUnitOfWorkTests(TestDatabase database) : IAsyncLifetime
{
    private ServiceProvider _services = null!;  // Set in InitializeAsync, before any test.

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Configuration).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCoProduceCore(configuration, seedDemoContent: false);
        services.AddStaffIdentityStore(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffTwoFactor>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Create_AuditWriteFails_NoAccountIsLeft()
    {
        var organisation = await AddOrganisationAsync();
        var email = $"refused-{Guid.NewGuid():N}@example.org";

        await using (RefuseAudit())
        {
            await using var scope = _services.CreateAsyncScope();
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(null, new CreateStaffUserRequest(email, "Refused", organisation, StaffRoles.Analyst), StaffTestHelpers.Password));
        }

        await using var check = _services.CreateAsyncScope();
        Assert.Null(await check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task SetDisabledAndRoles_AuditWriteFails_AccountUnchanged()
    {
        var (admin, user) = await AddAdministratorAndAnalystAsync();

        await using (RefuseAudit())
        {
            await using var scope = _services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => accounts.SetDisabledAsync(admin, user, true));
        }

        await using (RefuseAudit())
        {
            await using var scope = _services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => accounts.SetRolesAsync(admin, user, StaffRoles.Commissioner));
        }

        await using var check = _services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(user.Value.ToString());
        Assert.NotNull(stored);
        Assert.False(stored.IsDisabled);
        Assert.Equal(StaffRoles.Analyst, stored.Roles);
        Assert.Equal(0, await AuditCountAsync(user, AuditActions.StaffUserDisable));
    }

    [Fact]
    public async Task DisableTwoFactor_AuditWriteFails_TwoFactorStaysOn()
    {
        var (_, id) = await AddAdministratorAndAnalystAsync();
        await using (var setup = _services.CreateAsyncScope())
        {
            var users = setup.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByIdAsync(id.Value.ToString());
            await users.ResetAuthenticatorKeyAsync(user!);
            await users.SetTwoFactorEnabledAsync(user!, true);
        }

        await using (RefuseAudit())
        {
            await using var scope = _services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(id.Value.ToString());
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<StaffTwoFactor>().DisableAsync(user!));
        }

        await using var check = _services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(id.Value.ToString());
        Assert.True(stored!.TwoFactorEnabled);
    }

    [Fact]
    public async Task SetDisabled_BothSucceed_ChangeAndAuditEntryAreSaved()
    {
        var (admin, user) = await AddAdministratorAndAnalystAsync();

        await using (var scope = _services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetDisabledAsync(admin, user, true);
            Assert.True(result.IsSuccess);
        }

        await using var check = _services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(user.Value.ToString());
        Assert.True(stored!.IsDisabled);
        Assert.Equal(1, await AuditCountAsync(user, AuditActions.StaffUserDisable));
    }

    [Fact]
    public async Task Create_OrganisationMissing_IsRefusedByTheForeignKey()
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var orphan = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = $"orphan-{Guid.NewGuid():N}@example.org",
            Email = $"orphan-{Guid.NewGuid():N}@example.org",
            DisplayName = "Orphan",
            OrganisationId = Guid.NewGuid(),
            Roles = StaffRoles.Analyst,
        };

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => users.CreateAsync(orphan, StaffTestHelpers.Password));
    }

    private async Task<OrganisationId> AddOrganisationAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var organisation = new Organisation(OrganisationId.New(), $"Org {Guid.NewGuid():N}", OrganisationKind.CommissioningBody, Jurisdiction.Wales);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    private async Task<(StaffActor Admin, StaffUserId User)> AddAdministratorAndAnalystAsync()
    {
        var organisation = await AddOrganisationAsync();
        await using var scope = _services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var admin = await accounts.CreateAsync(null, new CreateStaffUserRequest($"admin-{Guid.NewGuid():N}@example.org", "Admin", organisation, StaffRoles.Administrator), StaffTestHelpers.Password);
        var analyst = await accounts.CreateAsync(null, new CreateStaffUserRequest($"analyst-{Guid.NewGuid():N}@example.org", "Analyst", organisation, StaffRoles.Analyst), StaffTestHelpers.Password);
        Assert.True(admin.IsSuccess && analyst.IsSuccess);
        return (new StaffActor(admin.Value.Id, organisation, StaffRoles.Administrator, "Admin"), analyst.Value.Id);
    }

    private async Task<int> AuditCountAsync(StaffUserId subject, string action)
    {
        await using var db = database.CreateContext();
        var id = subject.ToString();
        return await db.AuditEntries.CountAsync(a => a.SubjectId == id && a.Action == action);
    }

    /// <summary>Until disposed, the database refuses every new audit entry.</summary>
    private AuditRefusal RefuseAudit()
    {
        using var db = database.CreateContext();
        db.Database.ExecuteSqlRaw(database.Provider == StorageProvider.Postgres
            ? """
              CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION refuse_audit();
              """
            : "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit refused'); END;");
        return new AuditRefusal(database);
    }

    private sealed class AuditRefusal(TestDatabase database) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var db = database.CreateContext();
            await db.Database.ExecuteSqlRawAsync(database.Provider == StorageProvider.Postgres
                ? "DROP TRIGGER refuse_audit ON audit_entries; DROP FUNCTION refuse_audit();"
                : "DROP TRIGGER refuse_audit;");
        }
    }
}
