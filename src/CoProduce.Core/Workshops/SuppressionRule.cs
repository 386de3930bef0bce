namespace CoProduce.Core.Workshops;

/// <summary>
/// The one suppression rule for every count that leaves the room — the workshop record (page, DOCX, JSON) and the API
/// (<see cref="GetWorkshopDashboard"/>): counts from 1 to <see cref="Threshold"/> − 1 are suppressed; when exactly
/// one count of a table would be, the next smallest is too, so it cannot be recovered by subtraction from a total;
/// when fewer than <see cref="Threshold"/> people took part in an activity, all its counts are suppressed.
/// <see cref="Threshold"/> is <c>Workshops:SuppressionThreshold</c> (<see cref="WorkshopOptions"/>).
/// </summary>
public sealed record SuppressionRule(int Threshold)
{
    public static SuppressionRule From(WorkshopOptions options) => new(options.SuppressionThreshold);

    /// <summary>A count on its own (how many took part).</summary>
    public RecordCount Count(int count) => count > 0 && count < Threshold ? RecordCount.Hidden : new RecordCount(count);

    /// <summary>
    /// The counts of one table (every item, voted for or not), given how many took part: primary and secondary
    /// suppression, and all of them when few took part.
    /// </summary>
    public Dictionary<string, RecordCount> Table(IReadOnlyDictionary<string, int> tally, IEnumerable<string> items, int voters)
    {
        var all = items.Distinct(StringComparer.Ordinal).ToDictionary(i => i, i => tally.GetValueOrDefault(i), StringComparer.Ordinal);
        var few = voters > 0 && voters < Threshold;
        var suppressed = all.Where(kv => kv.Value > 0 && kv.Value < Threshold).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        if (suppressed.Count == 1)
        {
            var secondary = all.Where(kv => !suppressed.Contains(kv.Key)).OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).FirstOrDefault();
            if (secondary is not null)
            {
                suppressed.Add(secondary);
            }
        }

        return all.ToDictionary(kv => kv.Key, kv => few || suppressed.Contains(kv.Key) ? RecordCount.Hidden : new RecordCount(kv.Value), StringComparer.Ordinal);
    }
}
