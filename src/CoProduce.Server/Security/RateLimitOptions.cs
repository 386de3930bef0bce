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

/// <summary>
/// Limits on starting passkey ceremonies (configuration section <c>RateLimits:Passkey</c>): every
/// passkey sign-in needs fresh options from <c>/staff/passkeys/request-options</c>, so this bounds
/// the assertions one client can try, as lockout bounds passwords. Partitioned like
/// <see cref="CodeLookupRateLimitOptions"/>, by the rotating keyed hash of the client address.
/// </summary>
public sealed class PasskeyRateLimitOptions
{
    public const string Section = "RateLimits:Passkey";

    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
