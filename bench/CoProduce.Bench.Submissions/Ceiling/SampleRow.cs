using System.Data.Common;

namespace CoProduce.Bench.Submissions.Ceiling;

/// <summary>
/// The JSON documents of one real stored response (the load run's), so the ceiling inserts rows of the
/// same shape and size as a submission does.
/// </summary>
public sealed record SampleRow(string ConsultationId, string Choices, string Answers, string SkippedSections)
{
    public static async Task<SampleRow> ReadAsync(DbConnection connection, string cast, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT consultation_id{cast}, choices{cast}, answers{cast}, skipped_sections{cast} FROM responses LIMIT 1";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return new SampleRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
        }

        // No response was stored (the load failed): an approximation of ten answers, two of 500 characters.
        command.CommandText = $"SELECT id{cast} FROM consultations LIMIT 1";
        var consultation = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException("No consultation in the database: import the benchmark definition first.");
        var text = new string('x', 500);
        var answers = "{\"a1\":{\"values\":[\"yes\"]},\"a2\":{\"values\":[\"isva\",\"counselling\"]},\"a3\":{\"text\":\"Cardiff\"}," +
            "\"a4\":{\"values\":[\"no\"]},\"a5\":{\"text\":\"" + text + "\"},\"a6\":{\"number\":3},\"a7\":{\"number\":6}," +
            "\"a8\":{\"text\":\"" + text + "\"},\"a9\":{\"values\":[\"speed\",\"near\",\"welsh\"]},\"a10\":{\"values\":[\"yes\"]}}";
        return new SampleRow(consultation, "{\"respondingAs\":\"Anonymous\",\"mayQuote\":false,\"doNotPublishNameOrAddress\":false}", answers, "[]");
    }
}
