using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace CoProduce.Bench.Workshops;

public sealed record LoadOptions(
    Uri BaseUrl,
    string HubPath,
    bool Enter,
    IReadOnlyList<string> Tokens,
    string ActivityId,
    TimeSpan Duration,
    TimeSpan Warmup,
    int? ServerPid,
    string Label);

/// <summary>
/// Connects one client per seat, enters the room, then has every client vote once per second (client i
/// at i/N of each second, so the votes are spread evenly) for warm-up + duration. A client whose last
/// vote is still unanswered skips its turn (counted). Afterwards: the latency from each vote measured in
/// the window to the first tally with a sequence at least the vote's, at every client.
/// </summary>
public static class LoadRun
{
    private static readonly byte[][] Ballots =
    [
        .. new[] { "[\"o1\"", "[\"o2\"", "[\"o3\"", "[\"o1\",\"o2\"", "[\"o2\",\"o3\"", "[\"o1\",\"o3\"", "[\"o1\",\"o1\",\"o2\"", "[\"o3\",\"o3\"" }
            .Select(b => Encoding.UTF8.GetBytes(b)),
    ];

    /// <summary>The ballots as lists, in the order of <see cref="Ballots"/> (for the check afterwards).</summary>
    public static IReadOnlyList<string[]> BallotChoices { get; } =
        [["o1"], ["o2"], ["o3"], ["o1", "o2"], ["o2", "o3"], ["o1", "o3"], ["o1", "o1", "o2"], ["o3", "o3"]];

    public static async Task<(LoadResult Result, int[][] LastBallots)> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var n = options.Tokens.Count;
        var seconds = (int)Math.Ceiling((options.Warmup + options.Duration).TotalSeconds) + 2;
        var clients = Enumerable.Range(0, n).Select(i => new HubSocket(i, seconds + 2)).ToArray();
        var hubUrl = new UriBuilder(options.BaseUrl) { Scheme = options.BaseUrl.Scheme == "https" ? "wss" : "ws", Path = options.HubPath, Query = "lang=en" }.Uri;
        var origin = options.BaseUrl.GetLeftPart(UriPartial.Authority);
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = options.BaseUrl };
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var before = await MemoryAsync(http, cancellationToken);

        // Keep idle connections alive (the server drops a client silent for 30 s): a ping after 10 s of silence.
        var pinging = Task.Run(async () =>
        {
            while (!stopReceiving.IsCancellationRequested)
            {
                await Task.Delay(1000, stopReceiving.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                var quiet = Stopwatch.GetTimestamp() - (10 * Stopwatch.Frequency);
                foreach (var client in clients)
                {
                    if (client.Connected && client.ClosedWith is null && client.LastSentAt < quiet)
                    {
                        try
                        {
                            await client.PingAsync(stopReceiving.Token);
                        }
                        catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or OperationCanceledException or ObjectDisposedException)
                        {
                        }
                    }
                }
            }
        }, CancellationToken.None);
        Console.WriteLine($"[{options.Label}] connecting {n} clients to {hubUrl.AbsolutePath}");
        var connectWatch = Stopwatch.StartNew();
        var receiving = new Task[n];
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var headers = new Dictionary<string, string>
            {
                ["Origin"] = origin,
                ["Cookie"] = $"coproduce-workshop={options.Tokens[i]}",
            };
            await clients[i].ConnectAsync(hubUrl, invoker, headers, ct);
            receiving[i] = Task.Run(() => clients[i].ReceiveLoopAsync(stopReceiving.Token), CancellationToken.None);
            if (options.Enter)
            {
                var refused = await clients[i].InvokeAsync("Enter", ct);
                if (refused is not null)
                {
                    throw new InvalidOperationException($"client {i}: Enter refused: {refused}");
                }
            }
        });
        var connectSeconds = connectWatch.Elapsed.TotalSeconds;
        var after = await MemoryAsync(http, cancellationToken);
        Console.WriteLine($"[{options.Label}] connected and entered in {connectSeconds:0.0} s; server GC heap {before.GcHeapBytes / 1e6:0.0} → {after.GcHeapBytes / 1e6:0.0} MB, working set {before.WorkingSetBytes / 1e6:0} → {after.WorkingSetBytes / 1e6:0} MB");

        var prefix = Encoding.UTF8.GetBytes($"\",\"target\":\"Vote\",\"arguments\":[{{\"activityId\":\"{options.ActivityId}\",\"choices\":");
        var load = LoadAverage();
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        long serverCpuWindow0 = -1, serverCpuWindow1 = -1;
        TimeSpan clientCpuWindow0 = default, clientCpuWindow1 = default;
        var skipped = 0L;
        var sendErrors = 0L;
        var next = new long[n];
        for (var i = 0; i < n; i++)
        {
            next[i] = start + (long)((double)i / n * Stopwatch.Frequency);
        }

        // One pacing loop for every client: wake every 5 ms, send the votes that are due.
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (serverCpuWindow0 < 0 && now >= windowStart)
            {
                serverCpuWindow0 = ServerCpuTicks(options.ServerPid);
                clientCpuWindow0 = Process.GetCurrentProcess().TotalProcessorTime;
            }

            if (now >= windowEnd)
            {
                serverCpuWindow1 = ServerCpuTicks(options.ServerPid);
                clientCpuWindow1 = Process.GetCurrentProcess().TotalProcessorTime;
                break;
            }

            for (var i = 0; i < n; i++)
            {
                if (next[i] > now)
                {
                    continue;
                }

                next[i] += Stopwatch.Frequency;
                var client = clients[i];
                if (client.ClosedWith is not null || client.AwaitingAnswer)
                {
                    skipped++;
                    continue;
                }

                var ballot = (byte)((i + client.VotesSent) % Ballots.Length);
                _ = SendVote(client, prefix, ballot);
            }

            await Task.Delay(5, cancellationToken);
        }

        async Task SendVote(HubSocket client, byte[] prefixBytes, byte ballot)
        {
            try
            {
                await client.VoteAsync(prefixBytes, Ballots[ballot], ballot, cancellationToken);
            }
            catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                Interlocked.Increment(ref sendErrors);
            }
        }

        // Let the last answers and tallies arrive.
        var drainUntil = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (clients.Any(c => c.AwaitingAnswer && c.ClosedWith is null) && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(50, cancellationToken);
        }

        await Task.Delay(1000, cancellationToken);
        var loadAfter = LoadAverage();
        await stopReceiving.CancelAsync();
        await Task.WhenAll(receiving.Where(t => t is not null).Append(pinging)).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);

        var result = Analyse(options, clients, windowStart, windowEnd, before, after, connectSeconds);
        result = result with
        {
            LoadAverageBefore = load,
            LoadAverageAfter = loadAfter,
            SkippedTurns = skipped,
            SendErrors = sendErrors,
            ServerCpuSecondsInWindow = serverCpuWindow0 < 0 || serverCpuWindow1 < 0 ? -1 : (serverCpuWindow1 - serverCpuWindow0) / (double)ClockTicks,
            ClientCpuSecondsInWindow = (clientCpuWindow1 - clientCpuWindow0).TotalSeconds,
        };

        // Per client: the last acknowledged ballot, then any ballots sent after it and never answered
        // (they may or may not have been saved).
        var lastBallots = clients.Select(c =>
        {
            var acknowledged = Enumerable.Range(0, c.VotesSent).LastOrDefault(k => c.Sequence[k] > 0, -1);
            return acknowledged < 0
                ? []
                : new[] { (int)c.Ballot[acknowledged] }.Concat(Enumerable.Range(acknowledged + 1, c.VotesSent - acknowledged - 1).Where(k => c.AnsweredAt[k] == 0).Select(k => (int)c.Ballot[k])).ToArray();
        }).ToArray();

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        return (result, lastBallots);
    }

    private static LoadResult Analyse(LoadOptions options, HubSocket[] clients, long windowStart, long windowEnd, BenchMemory before, BenchMemory after, double connectSeconds)
    {
        // Votes answered with a sequence and sent inside the window, sorted by sequence.
        var votes = new List<(long Sequence, long SentAt)>();
        long sent = 0, answered = 0, refused = 0, unanswered = 0;
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in clients)
        {
            for (var k = 0; k < c.VotesSent; k++)
            {
                if (c.SentAt[k] < windowStart || c.SentAt[k] >= windowEnd)
                {
                    continue;
                }

                sent++;
                if (c.AnsweredAt[k] == 0)
                {
                    unanswered++;
                }
                else if (c.Sequence[k] > 0)
                {
                    answered++;
                    votes.Add((c.Sequence[k], c.SentAt[k]));
                }
                else
                {
                    refused++;
                }
            }

            if (c.LastError is { } e)
            {
                errors[e] = errors.GetValueOrDefault(e) + 1;
            }
        }

        votes.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var pairs = new Histogram();
        var reachAll = new Histogram();
        var answers = new Histogram();
        var neverReached = 0L;
        var worst = new long[votes.Count];
        foreach (var c in clients)
        {
            var seqs = c.TallySequence;
            var times = c.TallyAt;
            var j = 0;
            for (var v = 0; v < votes.Count; v++)
            {
                var (sequence, sentAt) = votes[v];
                while (j < seqs.Count && seqs[j] < sequence)
                {
                    j++;
                }

                if (j == seqs.Count)
                {
                    neverReached += votes.Count - v;
                    for (; v < votes.Count; v++)
                    {
                        worst[v] = long.MaxValue;
                    }

                    break;
                }

                var latency = times[j] - sentAt;
                pairs.Add(latency);
                if (latency > worst[v])
                {
                    worst[v] = latency;
                }
            }

            for (var k = 0; k < c.VotesSent; k++)
            {
                if (c.SentAt[k] >= windowStart && c.SentAt[k] < windowEnd && c.AnsweredAt[k] != 0)
                {
                    answers.Add(c.AnsweredAt[k] - c.SentAt[k]);
                }
            }
        }

        foreach (var w in worst)
        {
            if (w != long.MaxValue)
            {
                reachAll.Add(w);
            }
        }

        var windowSeconds = (windowEnd - windowStart) / (double)Stopwatch.Frequency;
        var talliesInWindow = clients.Sum(c => c.TallyAt.Count(t => t >= windowStart && t < windowEnd));
        return new LoadResult
        {
            Label = options.Label,
            Hub = options.HubPath,
            Clients = clients.Length,
            Connected = clients.Count(c => c.ClosedWith is null),
            ConnectSeconds = connectSeconds,
            DurationSeconds = windowSeconds,
            WarmupSeconds = options.Warmup.TotalSeconds,
            VotesSent = sent,
            VotesAnswered = answered,
            VotesRefused = refused,
            VotesUnanswered = unanswered,
            Errors = errors,
            VotesPerSecond = answered / windowSeconds,
            TalliesDeliveredPerSecond = talliesInWindow / windowSeconds,
            VoteToEveryClientMs = pairs.Percentiles(),
            VoteToLastClientMs = reachAll.Percentiles(),
            AnswerMs = answers.Percentiles(),
            PairsNeverReached = neverReached,
            ServerGcHeapBeforeBytes = before.GcHeapBytes,
            ServerGcHeapAfterBytes = after.GcHeapBytes,
            ServerWorkingSetBeforeBytes = before.WorkingSetBytes,
            ServerWorkingSetAfterBytes = after.WorkingSetBytes,
            GcHeapPerConnectionBytes = (after.GcHeapBytes - before.GcHeapBytes) / (double)clients.Length,
            WorkingSetPerConnectionBytes = (after.WorkingSetBytes - before.WorkingSetBytes) / (double)clients.Length,
        };
    }

    private static async Task<BenchMemory> MemoryAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/bench/memory?collect=true", cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/bench/memory answered {(int)response.StatusCode}: is Workshops__Bench__Enabled=true set on the server?");
        }

        return await response.Content.ReadFromJsonAsync<BenchMemory>(cancellationToken) ?? throw new InvalidOperationException("No memory figures.");
    }

    private const int ClockTicks = 100; // USER_HZ on Linux

    private static long ServerCpuTicks(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
        {
            return -1;
        }

        // Fields 14 and 15 (utime, stime) after the command name in parentheses.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    public static double LoadAverage() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : -1;
}

/// <summary>Latencies in 0.1 ms buckets up to 60 s (beyond: the last bucket).</summary>
public sealed class Histogram
{
    private const int Buckets = 600_000;
    private static readonly double TicksPerBucket = Stopwatch.Frequency / 10_000.0;
    private readonly long[] _counts = new long[Buckets];
    private long _total;
    private long _maxTicks;

    public void Add(long ticks)
    {
        var bucket = (int)Math.Min(Buckets - 1, Math.Max(0, ticks / TicksPerBucket));
        _counts[bucket]++;
        _total++;
        _maxTicks = Math.Max(_maxTicks, ticks);
    }

    public Percentiles Percentiles() =>
        _total == 0 ? new Percentiles(0, 0, 0, 0) : new Percentiles(At(0.50), At(0.99), _maxTicks * 1000.0 / Stopwatch.Frequency, _total);

    /// <summary>Nearest rank, as the upper edge of its bucket, in ms.</summary>
    private double At(double p)
    {
        var rank = (long)Math.Ceiling(p * _total);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return (i + 1) / 10.0;
            }
        }

        return Buckets / 10.0;
    }
}
