using System.Globalization;
using CoProduce.Server.Journey;

namespace CoProduce.Server.Authoring;

/// <summary>
/// A date (GOV.UK date input: day, month, year) and a 24-hour time (<c>17:00</c>), in UK time —
/// consultations open and close at a UK wall-clock time.
/// </summary>
public sealed class UkDateTimeInput
{
    private static TimeZoneInfo UkZone => JourneyFormat.UkZone;

    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public string? Time { get; set; }

    public static UkDateTimeInput From(DateTimeOffset moment)
    {
        var uk = JourneyFormat.InUk(moment);
        return new UkDateTimeInput
        {
            Day = uk.Day.ToString(CultureInfo.InvariantCulture),
            Month = uk.Month.ToString(CultureInfo.InvariantCulture),
            Year = uk.Year.ToString(CultureInfo.InvariantCulture),
            Time = uk.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The instant, or null when the fields do not make a real date and time.</summary>
    public DateTimeOffset? ToInstant()
    {
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 2000 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || !TimeOnly.TryParseExact((Time ?? "").Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }

        var local = new DateTime(year, month, day, time.Hour, time.Minute, 0, DateTimeKind.Unspecified);
        // A time skipped when the clocks go forward is taken as the hour after.
        if (UkZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, UkZone.GetUtcOffset(local));
    }

    /// <summary>The date alone (the time is not needed), or null.</summary>
    public DateOnly? ToDate() => With("00:00").ToInstant() is { } instant ? DateOnly.FromDateTime(instant.DateTime) : null;

    private UkDateTimeInput With(string time) => new() { Day = Day, Month = Month, Year = Year, Time = time };
}
