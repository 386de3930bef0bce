using System.Net;
using CoProduce.Server.Security;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Tests.Security;

public sealed class RotatingClientKeyTests
{
    private readonly ManualTime _time = new();
    private readonly RotatingClientKey _keys;

    public RotatingClientKeyTests() =>
        _keys = new RotatingClientKey(_time, Options.Create(new CodeLookupRateLimitOptions { KeyLifetime = TimeSpan.FromHours(1) }));

    [Fact]
    public void PartitionKey_SameAddressWithinKeyLifetime_IsStable() =>
        Assert.Equal(_keys.PartitionKey(IPAddress.Parse("203.0.113.7")), _keys.PartitionKey(IPAddress.Parse("203.0.113.7")));

    [Fact]
    public void PartitionKey_DifferentAddresses_Differ() =>
        Assert.NotEqual(_keys.PartitionKey(IPAddress.Parse("203.0.113.7")), _keys.PartitionKey(IPAddress.Parse("203.0.113.8")));

    [Fact]
    public void PartitionKey_NeverContainsTheAddress()
    {
        var key = _keys.PartitionKey(IPAddress.Parse("203.0.113.7"));

        Assert.DoesNotContain("203", key);
        Assert.DoesNotContain("CB007107", key); // the address's bytes in hex
    }

    [Fact]
    public void PartitionKey_AfterKeyLifetime_ChangesForTheSameAddress()
    {
        var before = _keys.PartitionKey(IPAddress.Parse("203.0.113.7"));
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        Assert.NotEqual(before, _keys.PartitionKey(IPAddress.Parse("203.0.113.7")));
    }

    [Fact]
    public void PartitionKey_TwoServerInstances_DoNotAgree()
    {
        var other = new RotatingClientKey(_time, Options.Create(new CodeLookupRateLimitOptions()));

        Assert.NotEqual(_keys.PartitionKey(IPAddress.Loopback), other.PartitionKey(IPAddress.Loopback));
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 21, 22, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
