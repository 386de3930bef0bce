using System.Data.Common;
using System.Text;
using CoProduce.Core.Workshops;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Tests.Workshops;

public sealed class WorkshopPrivacyTestsSqlite(SqliteTestDatabase database) : WorkshopPrivacyTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class WorkshopPrivacyTestsPostgres(PostgresTestDatabase database) : WorkshopPrivacyTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// What a live session leaves in the database about participants is exactly the model's columns: no
/// time, no device, no author on contributions, no code or token in clear.
/// </summary>
public abstract class WorkshopPrivacyTests(TestDatabase database) : WorkshopTestBase(database)
{
    private async Task<List<string>> ColumnsAsync(string table)
    {
        await using var db = Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Session_ParticipantTables_HoldNoTimeDeviceOrAuthor()
    {
        Assert.Equal(["id", "language", "pseudonym", "session_token_hash", "signal", "status", "workshop_id"], await ColumnsAsync("workshop_participants"));
        Assert.Equal(["activity_id", "id", "kind", "language", "merged_into_id", "number", "parent_id", "status", "target_key", "text", "theme", "workshop_id"], await ColumnsAsync("workshop_contributions"));
        Assert.Equal(["activity_id", "choices", "participant_id", "workshop_id"], await ColumnsAsync("workshop_ballots"));
    }

    [Fact]
    public async Task Session_CodesAndTokens_AreNeverStoredInClear()
    {
        var (workshop, board) = await LiveWithAsync(IdeaBoard());
        var joined = await JoinAsync(workshop.JoinCode, "Moon");
        await PostAsync(joined.SessionToken, board, "An idea");

        var everything = new StringBuilder();
        foreach (var table in new[] { "workshops", "workshop_participants", "workshop_contributions" })
        {
            await using var db = Database.CreateContext();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    everything.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) + Convert.ToBase64String(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
            }
        }

        var stored = everything.ToString();
        Assert.Contains("Moon", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(workshop.JoinCode.Canonical, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(joined.SessionToken.Value, stored, StringComparison.Ordinal);
    }
}
