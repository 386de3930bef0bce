using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoProduce.Core.Storage;

/// <summary>One versioned SQL script, embedded from <c>Storage/Migrations/{Provider}/NNNN_name.sql</c>.</summary>
public sealed record SqlMigration(int Version, string Name, string Sql);

/// <summary>
/// Applies the embedded SQL migrations of the current provider, in order, each in its own transaction,
/// recording them in <c>schema_migrations</c>. On PostgreSQL an advisory lock keeps two starting
/// instances from racing; on SQLite the write lock of <c>BEGIN IMMEDIATE</c> does the same.
/// </summary>
public sealed partial class DatabaseMigrator(CoProduceDbContext db, ILogger<DatabaseMigrator> logger)
{
    public const string HistoryTable = "schema_migrations";

    // Any fixed 64-bit number, shared by every instance of CoProduce ("CoPr" "oduc" in ASCII).
    private const long AdvisoryLockKey = 0x436F50726F647563;

    public StorageProvider Provider => db.IsPostgres ? StorageProvider.Postgres : StorageProvider.Sqlite;

    /// <summary>The embedded migrations for a provider, by version.</summary>
    public static IReadOnlyList<SqlMigration> Load(StorageProvider provider)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        // Resources are named CoProduce.Migrations.{Provider}/{file} (see CoProduce.Core.csproj).
        var prefix = $"CoProduce.Migrations.{provider}";
        var migrations = new List<SqlMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = FileName().Match(resource[(prefix.Length + 1)..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration resource {resource} is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Resource {resource} vanished.");
            using var reader = new StreamReader(stream);
            migrations.Add(new SqlMigration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        var ordered = migrations.OrderBy(m => m.Version).ToArray();
        if (ordered.Length == 0)
        {
            throw new InvalidOperationException($"No {provider} migrations are embedded in {assembly.GetName().Name}.");
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{provider} migrations must be numbered 1, 2, 3… without gaps; found {ordered[i].Version} at position {i + 1}.");
            }
        }

        return ordered;
    }

    /// <summary>Applies whatever is pending. Safe to call from several processes at once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrations = Load(Provider);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            if (Provider == StorageProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            }
            else
            {
                // WAL lets readers carry on while a response is written; it persists in the file.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            }

            try
            {
                await ExecuteAsync(connection, null, CreateHistoryTableSql, cancellationToken);
                foreach (var migration in migrations)
                {
                    // SQLite: a table rebuild (the only way to add a constraint) must not cascade into
                    // the tables that reference it, so foreign keys are off while a migration runs (the
                    // pragma is ignored inside a transaction) and checked before it commits.
                    var sqliteForeignKeys = Provider == StorageProvider.Sqlite
                        && await ScalarAsync(connection, null, "PRAGMA foreign_keys", cancellationToken) == 1;
                    if (sqliteForeignKeys)
                    {
                        await ExecuteAsync(connection, null, "PRAGMA foreign_keys = OFF", cancellationToken);
                    }

                    try
                    {
                        await ApplyAsync(connection, migration, cancellationToken);
                    }
                    finally
                    {
                        if (sqliteForeignKeys)
                        {
                            await ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON", CancellationToken.None);
                        }
                    }
                }
            }
            finally
            {
                if (Provider == StorageProvider.Postgres)
                {
                    await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private async Task ApplyAsync(DbConnection connection, SqlMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {HistoryTable} WHERE version = {migration.Version}", cancellationToken);
        if (applied > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        LogApplying(logger, Provider, migration.Version, migration.Name);
        await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {HistoryTable} (version, name, applied_on) VALUES ({migration.Version}, @name, @date)";
            AddParameter(insert, "@name", migration.Name);
            AddParameter(insert, "@date", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (Provider == StorageProvider.Sqlite)
        {
            var violations = await QueryFirstAsync(connection, transaction, "PRAGMA foreign_key_check", cancellationToken);
            if (violations is not null)
            {
                throw new InvalidOperationException(
                    $"Migration {migration.Version} ({migration.Name}) leaves a row of {violations[0]} pointing at a missing row of {violations[2]}; fix the data and start again.");
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string[]?> QueryFirstAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var row = new string[reader.FieldCount];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
        }

        return row;
    }

    /// <summary>True when the database is reachable and every embedded migration is applied (for <c>/readyz</c>).</summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var latest = Load(Provider).Count;
            var connection = db.Database.GetDbConnection();
            var opened = connection.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(cancellationToken);
            }

            try
            {
                var exists = Provider == StorageProvider.Postgres
                    ? await ScalarAsync(connection, null, $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{HistoryTable}'", cancellationToken)
                    : await ScalarAsync(connection, null, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'", cancellationToken);
                if (exists == 0)
                {
                    return false;
                }

                var applied = await ScalarAsync(connection, null, $"SELECT COUNT(*) FROM {HistoryTable}", cancellationToken);
                return applied == latest;
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync();
                }
            }
        }
        catch (DbException exception)
        {
            LogNotReady(logger, exception.Message);
            return false;
        }
    }

    private const string CreateHistoryTableSql =
        $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_on TEXT NOT NULL)";

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Provider} migration {Version} ({Name})")]
    private static partial void LogApplying(ILogger logger, StorageProvider provider, int version, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not ready: {Reason}")]
    private static partial void LogNotReady(ILogger logger, string reason);
}
