using System.Diagnostics;
using CoProduce.Bench.Submissions.Load;
using CoProduce.Bench.Submissions.Reporting;
using Microsoft.Data.Sqlite;

namespace CoProduce.Bench.Submissions.Ceiling;

/// <summary>
/// SQLite's counterpart of pgbench: <c>clients</c> threads, each committing one single-row insert
/// transaction after another into a table shaped like <c>responses</c> (same columns, indexes and
/// foreign key, in the server's database file, after the server stopped), through the same driver and
/// connection string as the server.
/// </summary>
public static class SqliteCeiling
{
    public static async Task<CeilingResult> RunAsync(string connectionString, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        SampleRow sample;
        string synchronous;
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync(cancellationToken);
            sample = await SampleRow.ReadAsync(setup, "", cancellationToken);
            await using var command = setup.CreateCommand();
            command.CommandText = """
                SELECT sql FROM sqlite_master WHERE tbl_name = 'responses' AND sql IS NOT NULL
                """;
            var statements = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    statements.Add(reader.GetString(0).Replace("responses", "bench_ceiling", StringComparison.Ordinal));
                }
            }

            command.CommandText = "DROP TABLE IF EXISTS bench_ceiling; " + string.Join(";\n", statements) + ";";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "PRAGMA synchronous";
            synchronous = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        }

        var loadBefore = CpuSample.LoadAverage();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients];
        var errors = new long[clients];
        var threads = Enumerable.Range(0, clients).Select(i =>
        {
            latencies[i] = [];
            var thread = new Thread(() => Insert(connectionString, sample, end, latencies[i], ref errors[i])) { IsBackground = true };
            thread.Start();
            return thread;
        }).ToArray();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        var all = latencies.SelectMany(l => l).ToList();
        return new CeilingResult
        {
            Tool = $"C# loop, Microsoft.Data.Sqlite, {clients} threads, BEGIN IMMEDIATE + INSERT + COMMIT (synchronous={synchronous}, WAL)",
            Clients = clients,
            DurationSeconds = duration.TotalSeconds,
            Transactions = all.Count,
            TransactionsPerSecond = all.Count / duration.TotalSeconds,
            Errors = errors.Sum(),
            LatencyMs = Percentiles.Of(all),
            LoadAverageBefore = loadBefore,
        };
    }

    private static void Insert(string connectionString, SampleRow sample, long end, List<double> latencies, ref long errors)
    {
        while (Stopwatch.GetTimestamp() < end)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                // Open per transaction (from the pool) as a request-scoped DbContext does.
                using var connection = new SqliteConnection(connectionString);
                connection.Open();
                using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA foreign_keys=ON;";
                    pragma.ExecuteNonQuery();
                }

                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO bench_ceiling (id, consultation_id, receipt_code_hash, submitted_on, channel, choices, answers, skipped_sections)
                    VALUES ($id, $consultation, $hash, $date, 'Online', $choices, $answers, $skipped)
                    """;
                insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
                insert.Parameters.AddWithValue("$consultation", sample.ConsultationId);
                insert.Parameters.AddWithValue("$hash", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                insert.Parameters.AddWithValue("$date", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$choices", sample.Choices);
                insert.Parameters.AddWithValue("$answers", sample.Answers);
                insert.Parameters.AddWithValue("$skipped", sample.SkippedSections);
                insert.ExecuteNonQuery();
                transaction.Commit();
                latencies.Add((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency);
            }
            catch (SqliteException)
            {
                errors++;
            }
        }
    }
}
