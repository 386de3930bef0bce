using System.Globalization;
using CoProduce.Bench.Workshops;

// The steps of bench/workshops/run.sh, one command each; see bench/README.md ("Workshops").
var command = args.Length > 0 ? args[0] : "help";
var options = Options.Parse(args.Skip(1));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

switch (command)
{
    case "setup":
        await using (var services = Setup.Services(options.Required("provider"), options.Get("connection"), options.Get("data-dir"), options.Required("secret-key")))
        {
            var setup = await Setup.RunAsync(services, options.Int("participants", 1000), stop.Token);
            await ResultFiles.WriteAsync(options.Required("out"), setup);
            Console.WriteLine($"workshop {setup.WorkshopId}: {setup.Seats.Count} participants joined and admitted in {setup.Seconds:0.0} s");
        }

        return 0;

    case "load":
        {
            var setup = ResultFiles.Read<SetupResult>(options.Required("setup"));
            var reference = options.Get("hub") == "reference";
            var (result, lastBallots) = await LoadRun.RunAsync(
                new LoadOptions(
                    new Uri(options.Required("base-url")),
                    reference ? "/hubs/bench-reference" : "/hubs/workshop",
                    Enter: !reference,
                    [.. setup.Seats.Select(s => s.Token)],
                    setup.ActivityId,
                    TimeSpan.FromSeconds(options.Int("duration", 30)),
                    TimeSpan.FromSeconds(options.Int("warmup", 5)),
                    options.Get("server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
                    options.Get("label") ?? (reference ? "reference" : "workshop")),
                stop.Token);
            await ResultFiles.WriteAsync(options.Required("out"), result);
            if (options.Get("expect") is { } expect)
            {
                await ResultFiles.WriteAsync(expect, lastBallots);
            }

            Console.WriteLine($"[{result.Label}] {result.VotesAnswered} votes answered ({result.VotesPerSecond:0}/s), refused {result.VotesRefused}, unanswered {result.VotesUnanswered}, skipped turns {result.SkippedTurns}; "
                + $"vote→client p50 {result.VoteToEveryClientMs.P50:0.0} ms p99 {result.VoteToEveryClientMs.P99:0.0} ms; vote→last client p99 {result.VoteToLastClientMs.P99:0.0} ms; "
                + $"{result.TalliesDeliveredPerSecond:0} tallies/s delivered; {result.GcHeapPerConnectionBytes / 1024:0.0} KB GC heap per connection");
            foreach (var (error, count) in result.Errors.OrderByDescending(e => e.Value).Take(5))
            {
                Console.WriteLine($"  {count}× {error}");
            }

            return 0;
        }

    case "check":
        await using (var services = Setup.Services(options.Required("provider"), options.Get("connection"), options.Get("data-dir"), options.Required("secret-key")))
        {
            var setup = ResultFiles.Read<SetupResult>(options.Required("setup"));
            var check = await Setup.CheckAsync(services, setup, ResultFiles.Read<int[][]>(options.Required("expect")), stop.Token);
            await ResultFiles.WriteAsync(options.Required("out"), check);
            Console.WriteLine($"stored ballots {check.StoredBallots}; match the last acknowledged vote: {check.Matching}; lost: {check.Lost}; never acknowledged: {check.NeverAcknowledged}");
            foreach (var example in check.Examples)
            {
                Console.WriteLine("  " + example);
            }

            return check.Lost == 0 ? 0 : 3;
        }

    case "report":
        Console.Write(Report.Render(options.Required("dir")));
        return 0;

    default:
        Console.WriteLine("""
            CoProduce workshop load benchmark (run it through bench/workshops/run.sh).
              setup   --provider postgres|sqlite (--connection CS | --data-dir DIR) --secret-key BASE64 --participants N --out FILE
              load    --base-url http://127.0.0.1:PORT --setup FILE --out FILE [--hub workshop|reference --expect FILE
                      --duration 30 --warmup 5 --server-pid PID --label NAME]
              check   --provider postgres|sqlite (--connection CS | --data-dir DIR) --secret-key BASE64 --setup FILE --expect FILE --out FILE
              report  --dir RESULTS
            """);
        return command == "help" ? 0 : 2;
}

/// <summary><c>--name value</c> pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
                options._values[key] = "";
            }
            else if (key is not null)
            {
                options._values[key] = arg;
                key = null;
            }
        }

        return options;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Required(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => Get(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
