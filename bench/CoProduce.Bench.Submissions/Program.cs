using System.Globalization;
using System.Text.RegularExpressions;
using CoProduce.Bench.Submissions.Ceiling;
using CoProduce.Bench.Submissions.Load;
using CoProduce.Bench.Submissions.Reporting;
using CoProduce.Core;
using CoProduce.Core.Consultations;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

// The steps of bench/submissions/run.sh, one command each; see bench/README.md.
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
    case "load":
        var load = await LoadRun.RunAsync(
            new LoadOptions(
                options.Get("mode") == "api" ? LoadMode.Api : options.Get("mode") is null or "journey" ? LoadMode.Journey : throw new ArgumentException("--mode is api or journey."),
                new Uri(options.Required("base-url")),
                options.Get("start-path") ?? "/",
                options.Get("definition") ?? Path.Combine(AppContext.BaseDirectory, "consultation.json"),
                options.Int("clients", 50),
                TimeSpan.FromSeconds(options.Int("duration", 30)),
                TimeSpan.FromSeconds(options.Int("warmup", 5)),
                TimeSpan.FromSeconds(options.Int("request-timeout", 30)),
                options.Get("server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
                options.Get("trust-certificate")),
            stop.Token);
        await ResultFiles.WriteAsync(options.Required("out"), load);
        Console.WriteLine($"acknowledged {load.AcknowledgedTotal} ({load.SubmissionsPerSecond:0.0}/s in the window), errors {load.ErrorsTotal}, submit p99 {load.SubmitMs.P99:0.0} ms");
        foreach (var (error, count) in load.Errors.OrderByDescending(e => e.Value).Take(5))
        {
            Console.WriteLine($"  {count}× {error}");
        }

        return 0;

    case "import":
        await using (var db = Context(options))
        {
            var imported = await new ImportConsultation(db).HandleAsync(await File.ReadAllTextAsync(options.Required("definition")), cancellationToken: stop.Token);
            if (imported.IsFailure)
            {
                Console.Error.WriteLine(string.Join(Environment.NewLine, imported.Errors));
                return 1;
            }

            // The status sweep opens scheduled consultations; open this one now rather than wait for it.
            var closed = await new CloseExpiredConsultations(db, TimeProvider.System).HandleAsync(stop.Token);
            Console.WriteLine($"imported {imported.Value.Reference} ({closed.Opened} opened)");
        }

        return 0;

    case "count":
        await using (var db = Context(options))
        {
            // --previous: the count file of an earlier step on the same database, whose rows are not this step's.
            var before = options.Get("previous") is { } previous ? ResultFiles.Read<CountResult>(previous)?.StoredTotal ?? 0 : 0;
            var total = await db.Responses.LongCountAsync(stop.Token);
            await ResultFiles.WriteAsync(options.Required("out"), new CountResult(total - before, total));
            Console.WriteLine($"stored {total - before}");
        }

        return 0;

    case "pg-script":
        await PostgresScript.WriteAsync(options.Required("connection"), options.Required("setup"), options.Required("script"), stop.Token);
        return 0;

    case "pgbench-result":
        await ResultFiles.WriteAsync(options.Required("out"), PgbenchOutput(await File.ReadAllTextAsync(options.Required("in")), options));
        return 0;

    case "sqlite-ceiling":
        var ceiling = await SqliteCeiling.RunAsync(
            SqliteConnectionString(options),
            options.Int("clients", 50),
            TimeSpan.FromSeconds(options.Int("duration", 30)),
            stop.Token);
        await ResultFiles.WriteAsync(options.Required("out"), ceiling);
        Console.WriteLine($"{ceiling.TransactionsPerSecond:0} tx/s, {ceiling.Errors} errors");
        return 0;

    case "report":
        Console.Write(Report.Render(options.Required("dir")));
        return 0;

    default:
        Console.WriteLine("""
            CoProduce submission benchmark (run it through bench/submissions/run.sh).
              load            --base-url https://127.0.0.1:PORT --start-path PATH --out FILE [--mode journey|api --trust-certificate PEM
                              --server-pid PID --clients 50 --duration 30 --warmup 5 --definition FILE]
              import          --provider sqlite|postgres (--data-dir DIR | --connection CS) --definition FILE
              count           --provider sqlite|postgres (--data-dir DIR | --connection CS) --out FILE [--previous COUNT_FILE]
              pg-script       --connection CS --setup FILE --script FILE
              pgbench-result  --in PGBENCH_OUTPUT --clients N --duration S --load LOADAVG --out FILE
              sqlite-ceiling  --data-dir DIR --out FILE [--clients 50 --duration 30]
              report          --dir RESULTS
            """);
        return command == "help" ? 0 : 2;
}

static CoProduceDbContext Context(Options options)
{
    var storage = new StorageOptions
    {
        Provider = options.Required("provider") == "postgres" ? StorageProvider.Postgres : StorageProvider.Sqlite,
        ConnectionString = options.Get("connection"),
        ResolvedDataDirectory = Path.GetFullPath(options.Get("data-dir") ?? "."),
    };
    var builder = new DbContextOptionsBuilder<CoProduceDbContext>();
    CoreServiceCollectionExtensions.ConfigureProvider(builder, storage);
    return new CoProduceDbContext(builder.Options);
}

static string SqliteConnectionString(Options options) =>
    new StorageOptions { ResolvedDataDirectory = Path.GetFullPath(options.Required("data-dir")) }.SqliteConnectionString;

static CeilingResult PgbenchOutput(string output, Options options)
{
    double Number(string pattern) =>
        Regex.Match(output, pattern, RegexOptions.Multiline) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    var tps = Number(@"^tps = ([0-9.]+)");
    if (double.IsNaN(tps))
    {
        throw new InvalidOperationException("pgbench printed no tps line:\n" + output);
    }

    var failed = Number(@"^number of failed transactions: (\d+)");
    var latency = Number(@"^latency average = ([0-9.]+) ms");
    return new CeilingResult
    {
        Tool = $"pgbench -n -c {options.Int("clients", 50)} -j 2 -T {options.Int("duration", 30)} -f insert.sql (fsync on, synchronous_commit on)",
        Clients = options.Int("clients", 50),
        DurationSeconds = options.Int("duration", 30),
        TransactionsPerSecond = tps,
        Transactions = (long)Number(@"^number of transactions actually processed: (\d+)"),
        Errors = double.IsNaN(failed) ? 0 : (long)failed,
        Notes = double.IsNaN(latency) ? null : $"latency average {latency} ms",
        LoadAverageBefore = double.TryParse(options.Get("load"), CultureInfo.InvariantCulture, out var l) ? l : -1,
    };
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
