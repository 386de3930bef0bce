namespace CoProduce.Core.Workshops;

/// <summary>
/// Counting ballots. Poll and dot voting: one per choice. Ranking: points by position (first of n
/// gets n, last gets 1). Outcome framework: one per supported proposal. <see cref="Apply"/> lets a
/// live tally follow a vote without re-reading every ballot.
/// </summary>
public static class Tallies
{
    /// <summary>Counts under this are suppressed where they are shown beyond the room's facilitators (PRODUCT.md: under 10).</summary>
    public const int SuppressionThreshold = 10;

    public static Dictionary<string, int> Compute(ActivityKind kind, IEnumerable<IReadOnlyList<string>> ballots)
    {
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ballot in ballots)
        {
            Apply(tally, kind, ballot, +1);
        }

        return tally;
    }

    /// <summary>Adds (<paramref name="sign"/> = 1) or takes away (-1) one ballot.</summary>
    public static void Apply(Dictionary<string, int> tally, ActivityKind kind, IReadOnlyList<string> ballot, int sign)
    {
        for (var i = 0; i < ballot.Count; i++)
        {
            var weight = kind == ActivityKind.Ranking ? ballot.Count - i : 1;
            var next = tally.GetValueOrDefault(ballot[i]) + (sign * weight);
            if (next == 0)
            {
                tally.Remove(ballot[i]);
            }
            else
            {
                tally[ballot[i]] = next;
            }
        }
    }

    /// <summary>
    /// For published records: counts from 1 to <paramref name="threshold"/> − 1 become null
    /// (suppressed); when exactly one count would be suppressed, the next smallest is too, so it cannot
    /// be recovered by subtraction from a total.
    /// </summary>
    public static IReadOnlyDictionary<string, int?> Suppress(IReadOnlyDictionary<string, int> tally, IEnumerable<string> items, int threshold)
    {
        var all = items.ToDictionary(i => i, i => tally.GetValueOrDefault(i), StringComparer.Ordinal);
        var suppressed = all.Where(kv => kv.Value > 0 && kv.Value < threshold).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        if (suppressed.Count == 1)
        {
            var secondary = all.Where(kv => !suppressed.Contains(kv.Key)).OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).FirstOrDefault();
            if (secondary is not null)
            {
                suppressed.Add(secondary);
            }
        }

        return all.ToDictionary(kv => kv.Key, kv => suppressed.Contains(kv.Key) ? (int?)null : kv.Value, StringComparer.Ordinal);
    }
}
