namespace CoProduce.Testing;

/// <summary>
/// A clock tests set and move by hand (Microsoft's testing package is not served here). Timers it
/// creates are real timers; tests of time-driven code call the handler instead of waiting.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    /// <summary>Starts at a fixed, ordinary moment: 2026-03-10 10:30 UTC.</summary>
    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 3, 10, 10, 30, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            _now = value;
        }
    }

    public void Advance(TimeSpan delta)
    {
        lock (_gate)
        {
            _now += delta;
        }
    }
}
