using System.Security.Cryptography;
using System.Text.Json;
using CoProduce.Core.Workshops;

namespace CoProduce.Server.Hubs;

/// <summary>
/// A short fingerprint of a facilitator's view of the room. The run page carries the stamp of what it
/// shows and <c>Facilitate</c> answers the stamp of the room now, so a page that missed messages while
/// it was loading or reconnecting (e.g. across a server restart) knows it must reload.
/// </summary>
public static class WorkshopViewStamp
{
    public static string Of(WorkshopView view)
    {
        // Tallies are counted from ballots in storage order: sort them so the same room has the same stamp.
        static ActivityView Sorted(ActivityView a) =>
            a.Tally is null ? a : a with { Tally = new SortedDictionary<string, int>(a.Tally.ToDictionary(), StringComparer.Ordinal) };
        var canonical = view with
        {
            Current = view.Current is null ? null : Sorted(view.Current),
            Activities = view.Activities.Select(Sorted).ToList(),
        };
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical)), 0, 12);
    }
}
