using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoProduce.Bench.Workshops;

/// <param name="Count">How many values the percentiles are over.</param>
public sealed record Percentiles(double P50, double P99, double Max, long Count);

/// <summary>What <c>/bench/memory</c> answers (the server's own type, read by name).</summary>
public sealed record BenchMemory(long GcHeapBytes, long WorkingSetBytes, long PrivateBytes);

/// <summary>One load run against one hub, as the clients saw it.</summary>
public sealed record LoadResult
{
    public required string Label { get; init; }

    public required string Hub { get; init; }

    public int Clients { get; init; }

    /// <summary>Still connected at the end.</summary>
    public int Connected { get; init; }

    public double ConnectSeconds { get; init; }

    public double DurationSeconds { get; init; }

    public double WarmupSeconds { get; init; }

    public long VotesSent { get; init; }

    /// <summary>Answered ok with a tally sequence (acknowledged).</summary>
    public long VotesAnswered { get; init; }

    public long VotesRefused { get; init; }

    public long VotesUnanswered { get; init; }

    public long SkippedTurns { get; init; }

    public long SendErrors { get; init; }

    public IReadOnlyDictionary<string, int> Errors { get; init; } = new Dictionary<string, int>();

    public double VotesPerSecond { get; init; }

    /// <summary>Tally messages received per second by all clients together (the fan-out).</summary>
    public double TalliesDeliveredPerSecond { get; init; }

    /// <summary>Over every (vote, client) pair: from sending the vote to that client receiving a tally that includes it.</summary>
    public required Percentiles VoteToEveryClientMs { get; init; }

    /// <summary>Per vote, the slowest client: until the tally including it had reached everyone.</summary>
    public required Percentiles VoteToLastClientMs { get; init; }

    /// <summary>From sending a vote to its answer.</summary>
    public required Percentiles AnswerMs { get; init; }

    public long PairsNeverReached { get; init; }

    public long ServerGcHeapBeforeBytes { get; init; }

    public long ServerGcHeapAfterBytes { get; init; }

    public long ServerWorkingSetBeforeBytes { get; init; }

    public long ServerWorkingSetAfterBytes { get; init; }

    public double GcHeapPerConnectionBytes { get; init; }

    public double WorkingSetPerConnectionBytes { get; init; }

    public double ServerCpuSecondsInWindow { get; init; }

    public double ClientCpuSecondsInWindow { get; init; }

    public double LoadAverageBefore { get; init; }

    public double LoadAverageAfter { get; init; }
}

/// <summary>The room the set-up made: where to vote, and the seats (their tokens are secrets of this run only).</summary>
public sealed record SetupResult(string WorkshopId, string ActivityId, IReadOnlyList<Seat> Seats, double Seconds);

public sealed record Seat(string Token, string ParticipantId);

/// <summary>After the run: the stored ballots against the acknowledged ones.</summary>
public sealed record CheckResult(int Participants, int StoredBallots, int Matching, int Lost, int NeverAcknowledged, IReadOnlyList<string> Examples);

public static class ResultFiles
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task WriteAsync<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(value, Json));
    }

    public static T Read<T>(string path) => JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidDataException(path);
}
