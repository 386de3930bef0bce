using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Responses;
using CoProduce.Core.Storage;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Tests.Storage;

public sealed class StoragePrivacyTestsSqlite(SqliteTestDatabase database) : StoragePrivacyTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class StoragePrivacyTestsPostgres(PostgresTestDatabase database) : StoragePrivacyTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// After a whole journey, what is in the database is exactly what the model says a response and a
/// draft hold: no extra columns, no time finer than a date, no secrets in clear, nothing else inside
/// the JSON documents.
/// </summary>
public abstract partial class StoragePrivacyTests(TestDatabase database) : HandlerTestBase(database)
{
    private static readonly string[] ResponseColumns = ["id", "consultation_id", "receipt_code_hash", "submitted_on", "channel", "choices", "answers", "skipped_sections"];
    private static readonly string[] DraftColumns = ["id", "consultation_id", "session_token_hash", "resume_code_hash", "last_saved_on", "answers", "skipped_sections", "choices", "submitted"];

    private async Task<(SessionToken Draft, SecretCode Resume, SecretCode Receipt)> CompleteJourneyAsync()
    {
        var reference = await ImportOpenConsultationAsync();
        var submitted = await StartAsync(reference);
        await SaveAsync(submitted, SampleConsultation.Services, (SampleConsultation.UsedServices, ["yes"]), (SampleConsultation.WhichServices, ["isva", "helpline"]), (SampleConsultation.Town, ["Aberaeron"]), (SampleConsultation.MilesTravelled, ["14"]), (SampleConsultation.Priorities, ["welsh:1"]));
        await SaveAsync(submitted, SampleConsultation.Experience, (SampleConsultation.Story, ["It took 10:30 weeks"]), (SampleConsultation.Rating, ["2"]));
        await SaveAsync(submitted, EqualityMonitoring.SectionId, (EqualityMonitoring.Age, ["25-34"]), (EqualityMonitoring.Ethnicity, ["white-roma"]));
        await Run<SetRespondentChoices, Common.Result>(h => h.HandleAsync(submitted, new RespondentChoices { RespondingAs = RespondingAs.Organisation, OrganisationName = "Cymorth Cymru", MayQuote = true }));
        var resume = (await Run<SaveForLater, Common.Result<SavedForLater>>(h => h.HandleAsync(submitted))).Value.ResumeCode;
        var receipt = (await SubmitAsync(submitted)).Value.ReceiptCode;

        // And one draft still in progress, with a resume code.
        var inProgress = await StartAsync(reference);
        await SaveAsync(inProgress, SampleConsultation.Services, (SampleConsultation.Town, ["Tregaron"]));
        await Run<SaveForLater, Common.Result<SavedForLater>>(h => h.HandleAsync(inProgress));
        return (inProgress, resume, receipt);
    }

    private async Task<List<Dictionary<string, string>>> RowsAsync(string table)
    {
        await using var db = Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                row[reader.GetName(i)] = value switch
                {
                    byte[] bytes => Convert.ToHexString(bytes),
                    DateTime dt => dt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                };
            }

            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Submit_ResponsesAndDrafts_HaveOnlyTheModelsColumns()
    {
        await CompleteJourneyAsync();

        var responses = await RowsAsync("responses");
        var drafts = await RowsAsync("drafts");

        Assert.All(responses, r => Assert.Equal(ResponseColumns.Order(), r.Keys.Order()));
        Assert.All(drafts, r => Assert.Equal(DraftColumns.Order(), r.Keys.Order()));
        await using var db = Database.CreateContext();
        var modelColumns = (string table) => db.Model.GetEntityTypes().Single(e => e.GetTableName() == table).GetProperties().Select(p => p.GetColumnName()).Order();
        Assert.Equal(modelColumns("responses"), ResponseColumns.Order());
        Assert.Equal(modelColumns("drafts"), DraftColumns.Order());
    }

    [Fact]
    public async Task Submit_ResponsesAndDrafts_HoldNoTimeFinerThanADate()
    {
        await CompleteJourneyAsync();

        foreach (var row in (await RowsAsync("responses")).Concat(await RowsAsync("drafts")))
        {
            var date = row.GetValueOrDefault("submitted_on") ?? row["last_saved_on"];
            Assert.Matches(DateOnlyPattern(), date);
            foreach (var (column, value) in row.Where(kv => kv.Key is not ("answers")))
            {
                Assert.DoesNotMatch(TimePattern(), value);
            }
        }

        await using var db = Database.CreateContext();
        if (db.Database.IsNpgsql())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var types = await SchemaSnapshot.QueryAsync(connection, "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name IN ('responses', 'drafts')");
            Assert.DoesNotContain(types, t => t[2].Contains("time", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Submit_Secrets_AreStoredOnlyAsKeyedHashes()
    {
        var (draft, resume, receipt) = await CompleteJourneyAsync();

        var everything = string.Join("\n", (await RowsAsync("responses")).Concat(await RowsAsync("drafts")).SelectMany(r => r.Values));

        Assert.DoesNotContain(draft.Value, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(resume.Canonical, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.Canonical, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(receipt.Canonical))), everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_JsonDocuments_HoldNothingBeyondTheModel()
    {
        await CompleteJourneyAsync();

        foreach (var row in (await RowsAsync("responses")).Concat(await RowsAsync("drafts")))
        {
            AssertRoundTrips<AnswerSheet>(row["answers"]);
            AssertRoundTrips<RespondentChoices>(row["choices"]);
            AssertRoundTrips<IReadOnlyList<SectionId>>(row["skipped_sections"]);
        }
    }

    [Fact]
    public async Task Submit_ResponseRow_KeepsTheAnswersAndChoicesGiven()
    {
        await CompleteJourneyAsync();

        var response = (await RowsAsync("responses")).Select(r => StorageJson.Deserialize<AnswerSheet>(r["answers"]))
            .First(a => a.Answers.TryGetValue(SampleConsultation.Town, out var town) && town == new TextAnswer("Aberaeron"));

        Assert.Equal(new ChoiceAnswer(["white-roma"]), response.Answers[EqualityMonitoring.Ethnicity]);
        Assert.Equal(new TextAnswer("It took 10:30 weeks"), response.Answers[SampleConsultation.Story]);
    }

    private static void AssertRoundTrips<T>(string stored)
    {
        var reserialised = StorageJson.Serialize(StorageJson.Deserialize<T>(stored));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(reserialised)), $"{typeof(T).Name}: stored {stored} but the model writes {reserialised}");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T00:00:00(\.0+)?)?$")]
    private static partial Regex DateOnlyPattern();

    [GeneratedRegex(@"\d{2}:\d{2}:\d{2}")]
    private static partial Regex TimePattern();
}
