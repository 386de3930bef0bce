using System.Data.Common;
using System.Text;
using CoProduce.Core.Storage;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Tests.Journey;

public sealed class PrivacyTestsSqlite(SqliteTestDatabase database) : PrivacyTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class PrivacyTestsPostgres(PostgresTestDatabase database) : PrivacyTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// Anonymous by construction, proven: what the browser and the network say about a respondent
/// (forwarded address, user agent, referrer) reaches neither the database nor the logs, and a
/// response records the date it was sent, never the time.
/// </summary>
public abstract class PrivacyTests(TestDatabase database) : JourneyTestBase(database)
{
    [Fact]
    public async Task Journey_WithIdentifyingHeaders_StoresAndLogsNoneOfThem()
    {
        var id = Guid.NewGuid().ToString("N");
        var forwardedFor = $"198.51.100.77, canary-xff-{id}";
        var userAgent = $"Mozilla/5.0 (canary-ua-{id})";
        var referrer = $"https://referrer.example/canary-ref-{id}";
        var marker = $"answer-marker-{id}";
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        browser.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        browser.Http.DefaultRequestHeaders.Referrer = new Uri(referrer);

        await StartAsync(browser, reference);
        await PostSectionAsync(browser, Services, ServicesAnswers);
        await browser.GetAsync(SectionUrl(Experience) + "?warning=seen");
        await browser.PostAsync($"{SectionUrl(Experience)}?handler=Later", ("_section", Experience), ("story", marker), ("rating", "5"));
        var resumeCode = browser.CodeShown("resume-code")!; // Shown after "save and come back later".
        await browser.GetAsync("/respond/continue");
        await browser.PostAsync("/respond/continue", ("resume-code", resumeCode));
        await browser.GetAsync(AboutYouUrl);
        await browser.PostAsync(AboutYouUrl, ("responding-as", "anonymous"));
        await browser.PostAsync(CheckUrl);
        Assert.NotNull(browser.CodeShown("receipt-code"));

        string[] canaries = [$"canary-xff-{id}", "198.51.100.77", $"canary-ua-{id}", $"canary-ref-{id}", "referrer.example"];
        var stored = await StoredTextContainingAsync([.. canaries, marker]);
        Assert.Contains(marker, stored); // The search does see what is stored…
        Assert.DoesNotContain(stored, canaries.Contains); // …and none of the canaries is there.
        var logs = Factory.Logs.ToArray();
        Assert.NotEmpty(logs);
        foreach (var canary in canaries)
        {
            Assert.DoesNotContain(logs, line => line.Contains(canary, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Response_StoresTheDateItWasSentAndNoTime()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await StartAsync(browser, reference);
        await PostSectionAsync(browser, Services, ServicesAnswers);
        await browser.GetAsync(CheckUrl);
        await browser.PostAsync(CheckUrl);
        Assert.NotNull(browser.CodeShown("receipt-code"));

        await using var db = Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (Database.Provider == StorageProvider.Postgres)
        {
            var types = await RowsAsync(connection, "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name IN ('responses', 'drafts')");
            Assert.Contains(("responses.submitted_on", "date"), types);
            Assert.DoesNotContain(types, t => t.Value.Contains("time", StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            var dates = await RowsAsync(connection, "SELECT typeof(submitted_on), submitted_on FROM responses");
            Assert.NotEmpty(dates);
            Assert.All(dates, row => Assert.Equal("text", row.Key));
            Assert.All(dates, row => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row.Value));
        }
    }

    /// <summary>Which of the needles occur anywhere in the stored data: SQLite files (with -wal) or every row of every table.</summary>
    private async Task<HashSet<string>> StoredTextContainingAsync(IReadOnlyList<string> needles)
    {
        var found = new HashSet<string>();
        if (Database is SqliteTestDatabase sqlite)
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(sqlite.FilePath)!)) // A file path always has a folder.
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                var bytes = memory.ToArray();
                foreach (var needle in needles)
                {
                    if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0)
                    {
                        found.Add(needle);
                    }
                }
            }

            return found;
        }

        await using var db = Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("responses", tables);
        foreach (var table in tables)
        {
            foreach (var needle in needles)
            {
                await using var search = connection.CreateCommand();
                // The whole row as text covers every column, JSON documents included.
                search.CommandText = $"SELECT COUNT(*) FROM \"{table}\" AS row_ WHERE row_::text LIKE '%' || @needle || '%'";
                var parameter = search.CreateParameter();
                parameter.ParameterName = "needle";
                parameter.Value = needle;
                search.Parameters.Add(parameter);
                if (Convert.ToInt64(await search.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    found.Add(needle);
                }
            }
        }

        return found;
    }

    private static async Task<List<(string Key, string Value)>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetValue(0)?.ToString() ?? "", reader.GetValue(1)?.ToString() ?? ""));
        }

        return rows;
    }
}
