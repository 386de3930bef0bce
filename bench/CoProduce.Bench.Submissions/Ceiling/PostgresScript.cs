using Npgsql;

namespace CoProduce.Bench.Submissions.Ceiling;

/// <summary>
/// Writes the pgbench script: a table shaped like <c>responses</c> (<c>LIKE … INCLUDING ALL</c> plus
/// its foreign key) and one single-row insert per transaction with a real response's documents.
/// </summary>
public static class PostgresScript
{
    public static async Task WriteAsync(string connectionString, string setupPath, string scriptPath, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var sample = await SampleRow.ReadAsync(connection, "::text", cancellationToken);
        await File.WriteAllTextAsync(setupPath, """
            SET client_min_messages = warning;
            DROP TABLE IF EXISTS bench_ceiling;
            CREATE TABLE bench_ceiling (LIKE responses INCLUDING ALL);
            ALTER TABLE bench_ceiling ADD CONSTRAINT fk_bench_ceiling_consultations
                FOREIGN KEY (consultation_id) REFERENCES consultations (id) ON DELETE RESTRICT;

            """, cancellationToken);

        // pgbench reads one statement per line unless it ends with a continuation; keep it on one line.
        var insert = "INSERT INTO bench_ceiling (id, consultation_id, receipt_code_hash, submitted_on, channel, choices, answers, skipped_sections) VALUES (" +
            $"gen_random_uuid(), {Literal(sample.ConsultationId)}, sha256((random()::text || clock_timestamp()::text)::bytea), current_date, 'Online', " +
            $"{Literal(sample.Choices)}::jsonb, {Literal(sample.Answers)}::jsonb, {Literal(sample.SkippedSections)}::jsonb);\n";
        await File.WriteAllTextAsync(scriptPath, insert, cancellationToken);
    }

    // pgbench leaves ":name" alone unless a variable of that name is set, and this script sets none.
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
