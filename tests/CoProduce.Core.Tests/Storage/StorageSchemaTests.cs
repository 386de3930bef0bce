using CoProduce.Core.Consultations;
using CoProduce.Core.Storage;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoProduce.Core.Tests.Storage;

public sealed class StorageSchemaTestsSqlite() : StorageSchemaTests(() => new SqliteTestDatabase());

public sealed class StorageSchemaTestsPostgres() : StorageSchemaTests(() => new PostgresTestDatabase());

/// <summary>
/// The SQL migrations and the EF Core model must describe the same database: a freshly migrated
/// database has exactly the schema <c>GenerateCreateScript()</c> creates for the current model.
/// </summary>
public abstract class StorageSchemaTests(Func<TestDatabase> create)
{
    private async Task<T> WithDatabase<T>(bool migrate, Func<TestDatabase, Task<T>> use)
    {
        var database = create();
        await database.CreateEmptyAsync();
        try
        {
            if (migrate)
            {
                await database.MigrateAsync();
            }

            return await use(database);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_FreshDatabase_MatchesSchemaGeneratedFromModel()
    {
        var migrated = await WithDatabase(migrate: true, async d =>
        {
            await using var db = d.CreateContext();
            // Identity's tables belong to the host's context; CoProduce.Server.Tests checks them.
            return SchemaSnapshot.Without(await SchemaSnapshot.ReadAsync(db), CoProduceDbContext.IdentityTables.All);
        });
        var generated = await WithDatabase(migrate: false, async d =>
        {
            await using var db = d.CreateContext();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
            await db.Database.CloseConnectionAsync();
            return await SchemaSnapshot.ReadAsync(db);
        });

        Assert.NotEmpty(generated);
        Assert.Equal(generated, migrated);
    }

    [Fact]
    public async Task MigrateAsync_FreshDatabase_SeedsFormsOfViolence()
    {
        var rows = await WithDatabase(migrate: true, async d =>
        {
            await using var db = d.CreateContext();
            return await db.FormsOfViolence.OrderBy(f => f.Code).ToListAsync();
        });

        Assert.Equal(FormsOfViolence.All.OrderBy(f => f.Code, StringComparer.Ordinal), rows.Select(r => r.ToDomain()).OrderBy(f => f.Code, StringComparer.Ordinal));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_ChangesNothing()
    {
        var (before, after, upToDate) = await WithDatabase(migrate: true, async d =>
        {
            await using var db = d.CreateContext();
            var before = await SchemaSnapshot.ReadAsync(db);
            var migrator = new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance);
            await migrator.MigrateAsync();
            return (before, await SchemaSnapshot.ReadAsync(db), await migrator.IsUpToDateAsync());
        });

        Assert.Equal(before, after);
        Assert.True(upToDate);
    }

    [Fact]
    public async Task IsUpToDateAsync_EmptyDatabase_IsFalse()
    {
        var upToDate = await WithDatabase(migrate: false, async d =>
        {
            await using var db = d.CreateContext();
            return await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).IsUpToDateAsync();
        });

        Assert.False(upToDate);
    }

    [Fact]
    public async Task MigrateAsync_ManyInstancesAtOnce_AppliesEachMigrationOnce()
    {
        var (history, upToDate) = await WithDatabase(migrate: false, async d =>
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                await using var db = d.CreateContext();
                await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
            }));
            await using var check = d.CreateContext();
            var connection = check.Database.GetDbConnection();
            await connection.OpenAsync();
            var rows = await SchemaSnapshot.QueryAsync(connection, $"SELECT version FROM {DatabaseMigrator.HistoryTable}");
            await connection.CloseAsync();
            return (rows.Select(r => r[0]).ToArray(), await new DatabaseMigrator(check, NullLogger<DatabaseMigrator>.Instance).IsUpToDateAsync());
        });

        Assert.Equal(DatabaseMigrator.Load(create().Provider).Select(m => m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), history);
        Assert.True(upToDate);
    }

    [Fact]
    public void Load_EveryProvider_HasTheSameVersions()
    {
        Assert.Equal(
            DatabaseMigrator.Load(StorageProvider.Sqlite).Select(m => (m.Version, m.Name)),
            DatabaseMigrator.Load(StorageProvider.Postgres).Select(m => (m.Version, m.Name)));
    }
}
