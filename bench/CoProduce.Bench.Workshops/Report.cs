using System.Globalization;
using System.Text;

namespace CoProduce.Bench.Workshops;

/// <summary>
/// The table of a run: per number of participants, the workshop hub beside the SignalR reference, and the
/// aims (p99 vote → every participant under 250 ms at 1,000 participants; no acknowledged vote lost).
/// </summary>
public static class Report
{
    public const double AimP99Ms = 250;

    public static string Render(string directory)
    {
        var text = new StringBuilder();
        var machine = Path.Combine(directory, "machine.txt");
        if (File.Exists(machine))
        {
            text.AppendLine("```").Append(File.ReadAllText(machine).TrimEnd()).AppendLine().AppendLine("```").AppendLine();
        }

        text.AppendLine("| participants | hub | votes/s answered | vote → each participant p50 / p99 ms | vote → last participant p50 / p99 ms | answer p99 ms | tallies/s delivered | GC heap / working set per connection | refused · unanswered · skipped | stored = acknowledged | load avg before → after |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var verdicts = new List<string>();
        foreach (var file in Directory.GetFiles(directory, "*-load.json").Order(StringComparer.Ordinal))
        {
            var r = ResultFiles.Read<LoadResult>(file);
            var checkFile = file.Replace("-load.json", "-check.json", StringComparison.Ordinal);
            var check = File.Exists(checkFile) ? ResultFiles.Read<CheckResult>(checkFile) : null;
            var stored = check is null ? "—" : check.Lost == 0 ? $"yes ({check.Matching}/{check.Participants})" : $"**{check.Lost} lost**";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Clients:N0} | {r.Label} | {r.VotesPerSecond:0} | {r.VoteToEveryClientMs.P50:0.0} / {r.VoteToEveryClientMs.P99:0.0} | {r.VoteToLastClientMs.P50:0.0} / {r.VoteToLastClientMs.P99:0.0} | {r.AnswerMs.P99:0.0} | {r.TalliesDeliveredPerSecond:N0} | {r.GcHeapPerConnectionBytes / 1024:0.0} KB / {r.WorkingSetPerConnectionBytes / 1024:0} KB | {r.VotesRefused} · {r.VotesUnanswered} · {r.SkippedTurns} | {stored} | {r.LoadAverageBefore:0.0} → {r.LoadAverageAfter:0.0} |");

            if (!r.Label.StartsWith("reference", StringComparison.Ordinal))
            {
                var referenceFile = Directory.GetFiles(directory, $"{r.Clients}-reference-load.json").FirstOrDefault();
                var reference = referenceFile is null ? null : ResultFiles.Read<LoadResult>(referenceFile);
                var ratio = r.VotesAnswered == 0 ? ", no vote answered in the window"
                    : reference is null || reference.VoteToEveryClientMs.P99 <= 0 ? "" : $", {r.VoteToEveryClientMs.P99 / reference.VoteToEveryClientMs.P99:0.0}× the reference's p99";
                var lost = check?.Lost ?? -1;
                var p99Met = r.VotesAnswered > 0 && r.VotesRefused == 0 && r.VoteToEveryClientMs.P99 < AimP99Ms && r.PairsNeverReached == 0;
                var aim = r.Clients <= 1000 ? (p99Met && lost == 0 ? "aim met" : "aim MISSED") : "no latency aim at this size";
                verdicts.Add(string.Create(CultureInfo.InvariantCulture, $"- {r.Clients:N0} participants: p99 vote → each participant {r.VoteToEveryClientMs.P99:0.0} ms (aim < {AimP99Ms} ms at 1,000){ratio}; lost acknowledged votes {(lost < 0 ? "not checked" : lost.ToString(CultureInfo.InvariantCulture))}; pairs never reached {r.PairsNeverReached} — **{aim}**"));
            }
        }

        text.AppendLine().AppendLine(string.Join(Environment.NewLine, verdicts));
        return text.ToString();
    }
}
