using System.ComponentModel.DataAnnotations;

namespace CoProduce.Server.Security;

/// <summary>Limits on looking up resume and receipt codes (configuration section <c>RateLimits:CodeLookup</c>).</summary>
public sealed class CodeLookupRateLimitOptions
{
    public const string Section = "RateLimits:CodeLookup";

    /// <summary>Look-ups one client may make in a window.</summary>
    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 10;

    /// <summary>Length of the fixed window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a hashing key lives before a fresh random one replaces it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(1);
}
