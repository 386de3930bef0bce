namespace CoProduce.Core.Workshops;

/// <summary>
/// Counting ballots. Poll and dot voting: one per choice. Ranking: points by position (first of n
/// gets n, last gets 1). Outcome framework: one per supported proposal. <see cref="Apply"/> lets a
/// live tally follow a vote without re-reading every ballot.
/// </summary>
public static class Tallies
{
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
}
