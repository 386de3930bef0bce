using CoProduce.Core.Storage;
using CoProduce.Server.Staff;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Tests.Staff;

public sealed class StaffIdentitySchemaTestsSqlite() : StaffIdentitySchemaTests(() => new SqliteTestDatabase());

public sealed class StaffIdentitySchemaTestsPostgres() : StaffIdentitySchemaTests(() => new PostgresTestDatabase());

/// <summary>
/// Identity's tables, created by migration 0002, equal what <see cref="StaffIdentityDbContext"/>
/// generates (CoProduce.Core.Tests checks the rest of the schema against CoProduceDbContext).
/// </summary>
public abstract class StaffIdentitySchemaTests(Func<TestDatabase> create)
{
    [Fact]
    public async Task Migrate_FreshDatabase_IdentityTablesMatchTheIdentityModel()
    {
        var migrated = await SnapshotAsync(migrate: true);
        var generated = await SnapshotAsync(migrate: false);

        Assert.Contains(generated, l => l.StartsWith("table staff_users", StringComparison.Ordinal));
        Assert.Contains(generated, l => l.Contains("staff_users", StringComparison.Ordinal) && l.Contains("organisations", StringComparison.Ordinal));
        Assert.Equal(generated, migrated);
    }

    private async Task<IReadOnlyList<string>> SnapshotAsync(bool migrate)
    {
        var database = create();
        await database.CreateEmptyAsync();
        try
        {
            await using var identity = IdentityContext(database.Options);
            if (migrate)
            {
                await database.MigrateAsync();
            }
            else
            {
                // The rest of the schema first: staff_users has a foreign key to organisations.
                await using (var core = new CoProduceDbContext(CoreOptions(database.Options)))
                {
                    await core.Database.OpenConnectionAsync();
                    await core.Database.ExecuteSqlRawAsync(core.Database.GenerateCreateScript());
                    await core.Database.CloseConnectionAsync();
                }

                await identity.Database.OpenConnectionAsync();
                await identity.Database.ExecuteSqlRawAsync(identity.Database.GenerateCreateScript());
                await identity.Database.CloseConnectionAsync();
            }

            var all = await SchemaSnapshot.ReadAsync(identity);
            var others = all.Select(l => l.Split(' ', 3)).Where(w => w.Length > 1).Select(w => w[1].Split('.')[0])
                .Where(t => !CoProduceDbContext.IdentityTables.All.Contains(t)).ToHashSet();
            return SchemaSnapshot.Without(all, others);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static DbContextOptions<CoProduceDbContext> CoreOptions(StorageOptions storage)
    {
        var builder = new DbContextOptionsBuilder<CoProduceDbContext>();
        CoProduce.Core.CoreServiceCollectionExtensions.ConfigureProvider(builder, storage);
        return builder.Options;
    }

    private static StaffIdentityDbContext IdentityContext(StorageOptions storage)
    {
        var builder = new DbContextOptionsBuilder<StaffIdentityDbContext>();
        CoProduce.Core.CoreServiceCollectionExtensions.ConfigureProvider(builder, storage);
        return new StaffIdentityDbContext(builder.Options);
    }
}
