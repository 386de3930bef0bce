using System.Text.Json;

namespace CoProduce.Bench.Submissions.Reporting;

public sealed record Percentiles(double P50, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? new Percentiles(0, 0, 0)
            : new Percentiles(At(sorted, 0.50), At(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double At(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>What the load run saw from the outside.</summary>
public sealed record LoadResult
{
    /// <summary><c>api</c> (one request per response) or <c>journey</c> (the respondent pages).</summary>
    public string Mode { get; init; } = "journey";

    public int Clients { get; init; }

    public double DurationSeconds { get; init; }

    public double WarmupSeconds { get; init; }

    /// <summary>Receipts read inside the measured window.</summary>
    public int AcknowledgedInWindow { get; init; }

    /// <summary>Every receipt read, warm-up and the journeys finished after the window included.</summary>
    public int AcknowledgedTotal { get; init; }

    public int ErrorsTotal { get; init; }

    public IReadOnlyDictionary<string, int> Errors { get; init; } = new Dictionary<string, int>();

    public double SubmissionsPerSecond { get; init; }

    public double RequestsPerSecond { get; init; }

    public double RequestsPerJourney { get; init; }

    /// <summary>The POST that submits, through to the confirmation page (redirect included); in API mode the one request.</summary>
    public required Percentiles SubmitMs { get; init; }

    /// <summary>From the GET of the start page to the confirmation page; in API mode the one request.</summary>
    public required Percentiles JourneyMs { get; init; }

    public double LoadAverageBefore { get; init; }

    public double LoadAverageAfter { get; init; }

    /// <summary>Share of all cores busy during the window (everything on the machine).</summary>
    public double MachineBusyFraction { get; init; }

    /// <summary>CPU seconds the load generator itself used in the window.</summary>
    public double ClientCpuSeconds { get; init; }

    /// <summary>CPU seconds the server process used in the window.</summary>
    public double ServerCpuSeconds { get; init; }
}

/// <summary>The database's own single-row insert rate at the same concurrency.</summary>
public sealed record CeilingResult
{
    public required string Tool { get; init; }

    public int Clients { get; init; }

    public double DurationSeconds { get; init; }

    public double TransactionsPerSecond { get; init; }

    public long Transactions { get; init; }

    public long Errors { get; init; }

    public Percentiles? LatencyMs { get; init; }

    public double LoadAverageBefore { get; init; }

    public string? Notes { get; init; }
}

/// <summary>Responses stored by one step (<paramref name="Stored"/>) and in the database after it.</summary>
public sealed record CountResult(long Stored, long StoredTotal);

public static class ResultFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(value, Json));
    }

    public static T? Read<T>(string path) where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
}
