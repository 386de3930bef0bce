using System.Globalization;
using System.Text;

namespace CoProduce.Bench.Submissions.Reporting;

/// <summary>
/// The table run.sh prints, from the result files of one run folder: a column per database and mode
/// (<c>{provider}-{mode}-load.json</c> and <c>-count.json</c>, <c>{provider}-ceiling.json</c>), and
/// whether issue 2's aim is met. The aim is read against the one-request API submission; the web
/// journey is the respondent's path, reported beside it.
/// </summary>
public static class Report
{
    public static readonly string[] Providers = ["postgres", "sqlite"];

    public static readonly string[] Modes = ["api", "journey"];

    /// <summary>Issue 2's aim: acknowledged submissions per second on each database, and p99 under 100 ms.</summary>
    public static double AimPerSecond(string provider) => provider == "postgres" ? 1000 : 500;

    public const double AimP99Ms = 100;

    /// <summary>Then push towards this share of the database's own single-row insert ceiling.</summary>
    public const double CeilingShareAim = 0.25;

    private sealed record Column(string Provider, string Mode, LoadResult? Load, CountResult? Count, CeilingResult? Ceiling)
    {
        public bool IsApi => Mode == "api";

        public string Title => (Provider == "postgres" ? "PostgreSQL" : "SQLite") + (IsApi ? ", API (1 request)" : ", web journey");

        public bool Stored => Load is not null && Count is not null && Count.Stored == Load.AcknowledgedTotal;

        public bool AimMet => Load is not null && Load.SubmissionsPerSecond >= AimPerSecond(Provider) && Load.SubmitMs.P99 < AimP99Ms && Stored && Load.ErrorsTotal == 0;
    }

    public static string Render(string directory)
    {
        var columns = Providers
            .SelectMany(p => Modes.Select(m => new Column(p, m,
                ResultFiles.Read<LoadResult>(Path.Combine(directory, $"{p}-{m}-load.json")),
                ResultFiles.Read<CountResult>(Path.Combine(directory, $"{p}-{m}-count.json")),
                ResultFiles.Read<CeilingResult>(Path.Combine(directory, $"{p}-ceiling.json")))))
            .Where(c => c.Load is not null)
            .ToList();
        var rows = new List<(string Label, Func<Column, string> Cell)>
        {
            ("acknowledged submissions/s", c => F(c.Load?.SubmissionsPerSecond, "0.0")),
            ("submitting request p50 / p99 (ms)", c => c.Load is null ? "–" : $"{F(c.Load.SubmitMs.P50, "0.0")} / {F(c.Load.SubmitMs.P99, "0.0")}"),
            ("whole journey p50 / p99 (ms)", c => c.Load is null || c.IsApi ? "–" : $"{F(c.Load.JourneyMs.P50, "0.0")} / {F(c.Load.JourneyMs.P99, "0.0")}"),
            ("HTTP requests/s (per response)", c => c.Load is null ? "–" : $"{F(c.Load.RequestsPerSecond, "0")} ({F(c.Load.RequestsPerJourney, "0.0")})"),
            ("errors", c => c.Load is null ? "–" : c.Load.ErrorsTotal == 0 ? "0" : $"{c.Load.ErrorsTotal}: " + string.Join("; ", c.Load.Errors.OrderByDescending(e => e.Value).Take(3).Select(e => $"{e.Value}× {e.Key}"))),
            ("acknowledged / stored", c => c.Load is null ? "–" : $"{c.Load.AcknowledgedTotal} / {(c.Count is null ? "?" : c.Count.Stored.ToString(CultureInfo.InvariantCulture))}{(c.Stored ? " ✓" : " ✗")}"),
            ("DB ceiling: single-row insert tx/s", c => c.Ceiling is null ? "–" : $"{F(c.Ceiling.TransactionsPerSecond, "0")}{(c.Ceiling.Errors > 0 ? $" ({c.Ceiling.Errors} errors)" : "")}"),
            ("submissions / ceiling (push: ≥ 25 %)", c => c.Load is null || c.Ceiling is not { TransactionsPerSecond: > 0 } ? "–" : (c.Load.SubmissionsPerSecond / c.Ceiling.TransactionsPerSecond).ToString("0.0%", CultureInfo.InvariantCulture)),
            ("aim: ≥ 1,000/s PostgreSQL, ≥ 500/s SQLite, p99 < 100 ms, stored == ack.", c => !c.IsApi ? "(read against the API)" : c.AimMet ? "**met**" : "**MISSED**"),
            ("load avg before (load / ceiling)", c => $"{F(c.Load?.LoadAverageBefore, "0.00")} / {F(c.Ceiling?.LoadAverageBefore, "0.00")}"),
            ("server CPU per HTTP request / per response (ms)", c => c.Load is not { RequestsPerSecond: > 0 } ? "–" : $"{F(CpuMsPerRequest(c.Load), "0.00")} / {F(CpuMsPerRequest(c.Load) * c.Load.RequestsPerJourney, "0.00")}"),
            ("server instructions per HTTP request (user space; JIT thread)", c => c.Load is not { RequestsPerSecond: > 0 } || PerfStat.Read(Path.Combine(directory, $"{c.Provider}-{c.Mode}-perf-stat.csv")) is not { } stat
                ? "–"
                : $"{F(stat.Total / (c.Load.RequestsPerSecond * c.Load.DurationSeconds) / 1e6, "0.00")} M; {F(stat.TieringThread / (c.Load.RequestsPerSecond * c.Load.DurationSeconds) / 1e6, "0.00")} M"),
            ("CPU in window: machine busy / server / load generator", c => c.Load is null ? "–" : $"{Share(c.Load.MachineBusyFraction)} / {Share(c.Load.ServerCpuSeconds / (c.Load.DurationSeconds * Environment.ProcessorCount))} / {Share(c.Load.ClientCpuSeconds / (c.Load.DurationSeconds * Environment.ProcessorCount))} of {Environment.ProcessorCount} cores"),
        };

        var text = new StringBuilder();
        var first = columns.Select(c => c.Load).FirstOrDefault(l => l is not null);
        if (first is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{first.Clients} clients, {first.DurationSeconds:0} s measured after {first.WarmupSeconds:0} s warm-up");
        }

        text.AppendLine("| | " + string.Join(" | ", columns.Select(c => c.Title)) + " |");
        text.AppendLine("|---|" + string.Concat(columns.Select(_ => "---|")));
        foreach (var (label, cell) in rows)
        {
            text.AppendLine($"| {label} | " + string.Join(" | ", columns.Select(cell)) + " |");
        }

        foreach (var c in columns.Where(c => c.Ceiling is not null).DistinctBy(c => c.Provider))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"ceiling ({c.Provider}): {c.Ceiling?.Tool}");
        }

        foreach (var c in columns.Where(c => c.IsApi))
        {
            var load = c.Load!;
            var ceilingShare = c.Ceiling is { TransactionsPerSecond: > 0 } ceiling
                ? string.Create(CultureInfo.InvariantCulture, $"; {load.SubmissionsPerSecond / ceiling.TransactionsPerSecond:0.0%} of the ceiling, push towards {CeilingShareAim:0%}: {(load.SubmissionsPerSecond >= CeilingShareAim * ceiling.TransactionsPerSecond ? "reached" : "not reached")}")
                : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{c.Title}: aim {(c.AimMet ? "met" : "MISSED")} ({load.SubmissionsPerSecond:0}/s against {AimPerSecond(c.Provider):0}/s, p99 {load.SubmitMs.P99:0.0} ms against < {AimP99Ms:0} ms, stored {(c.Stored ? "==" : "!=")} acknowledged, {load.ErrorsTotal} errors){ceilingShare}");
        }

        return text.ToString();
    }

    /// <summary>
    /// The server's CPU time in the window over the requests of the journeys that ended in it: the cost of
    /// a request, which (unlike throughput) hardly depends on how much of the machine the server got.
    /// </summary>
    private static double CpuMsPerRequest(LoadResult load) => load.ServerCpuSeconds * 1000 / (load.RequestsPerSecond * load.DurationSeconds);

    private static string Share(double fraction) => fraction.ToString("0%", CultureInfo.InvariantCulture);

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}

/// <summary>
/// What <c>perf stat --per-thread -e instructions:u -x,</c> counted in the server during the window
/// (run.sh <c>--perf-stat</c>): all threads, and the background JIT's ("Tiered Com…") share of them.
/// </summary>
public sealed record PerfStat(double Total, double TieringThread)
{
    public static PerfStat? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        double total = 0, tiering = 0;
        foreach (var line in File.ReadLines(path))
        {
            // thread-tid,count,unit,event,...
            var fields = line.Split(',');
            if (fields.Length > 3 && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var count))
            {
                total += count;
                if (fields[0].Contains("Tiered", StringComparison.Ordinal))
                {
                    tiering += count;
                }
            }
        }

        return total > 0 ? new PerfStat(total, tiering) : null;
    }
}
