using System.ComponentModel.DataAnnotations;

namespace CoProduce.Core.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under <c>Storage</c>; the PostgreSQL connection string is <c>ConnectionStrings:CoProduce</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "CoProduce";
    public const string SqliteFileName = "coproduce.db";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Folder for the SQLite file and the generated secret key; relative paths are under the content
    /// root. Default <c>data</c>.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Filled from <c>ConnectionStrings:CoProduce</c>; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up (default on).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The absolute data folder, resolved at registration.</summary>
    public string ResolvedDataDirectory { get; set; } = "";

    public string SqliteConnectionString => $"Data Source={Path.Combine(ResolvedDataDirectory, SqliteFileName)};Pooling=True;Default Timeout=30";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:Provider is Postgres but ConnectionStrings:CoProduce is not set.",
                [nameof(ConnectionString)]);
        }

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return new ValidationResult("Storage:DataDirectory must not be empty.", [nameof(DataDirectory)]);
        }
    }
}
