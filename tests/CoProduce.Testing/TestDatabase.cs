using CoProduce.Core;
using CoProduce.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace CoProduce.Testing;

/// <summary>
/// A real, empty database for one test class — an SQLite file in a temporary folder or a fresh
/// database in the shared PostgreSQL cluster — migrated with the production migrator. Use it as an
/// <c>IClassFixture</c>; write the tests once in an abstract class and derive one class per provider.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>A fixed key for the keyed hashes in tests (32 bytes, base64).</summary>
    public const string TestSecretKey = "Q29Qcm9kdWNlIHRlc3Qga2V5IC0gbm90IGEgc2VjcmV0ISE=";

    public abstract StorageProvider Provider { get; }

    /// <summary>Storage options pointing at this database.</summary>
    public StorageOptions Options { get; protected set; } = new();

    /// <summary>Configuration values that select this database (for a host or <c>AddCoProduceCore</c>).</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = Provider.ToString(),
        ["Storage:DataDirectory"] = Options.ResolvedDataDirectory,
        ["ConnectionStrings:CoProduce"] = Options.ConnectionString,
        ["Privacy:SecretKey"] = TestSecretKey,
        ["Storage:MigrateOnStartup"] = "false",
    };

    public CoProduceDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<CoProduceDbContext>();
        CoreServiceCollectionExtensions.ConfigureProvider(builder, Options);
        return new CoProduceDbContext(builder.Options);
    }

    /// <summary>A service provider with Core registered against this database and the given clock.</summary>
    public ServiceProvider CreateServices(TimeProvider time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(time);
        services.AddCoProduceCore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Applies the migrations.</summary>
    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
    }

    /// <summary>Creates the empty database (not migrated).</summary>
    public abstract Task CreateEmptyAsync();

    public virtual async Task InitializeAsync()
    {
        await CreateEmptyAsync();
        await MigrateAsync();
    }

    public abstract Task DisposeAsync();
}

/// <summary>An SQLite file in its own temporary folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"coproduce-sqlite-{Guid.NewGuid():N}");

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public string FilePath => Path.Combine(_folder, StorageOptions.SqliteFileName);

    public override Task CreateEmptyAsync()
    {
        Directory.CreateDirectory(_folder);
        Options = new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = _folder, ResolvedDataDirectory = _folder };
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}

/// <summary>A fresh database in the shared throw-away PostgreSQL cluster.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"coproduce-pgdata-{Guid.NewGuid():N}");

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override async Task CreateEmptyAsync()
    {
        var connectionString = await PostgresCluster.Shared.CreateDatabaseAsync("coproduce");
        Directory.CreateDirectory(_folder);
        Options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = connectionString,
            DataDirectory = _folder,
            ResolvedDataDirectory = _folder,
        };
    }

    public override async Task DisposeAsync()
    {
        if (Options.ConnectionString is { } connectionString)
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresCluster.Shared.DropDatabaseAsync(connectionString);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

