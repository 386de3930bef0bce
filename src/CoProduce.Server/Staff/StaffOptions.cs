namespace CoProduce.Server.Staff;

/// <summary>Settings under <c>Staff</c>.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Failed sign-in attempts before the account is locked (default 5).</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked (default 15 minutes).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a staff sign-in lasts without activity (default 8 hours, sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often a signed-in cookie is checked against the account (disabled, password reset, 2FA
    /// changed): default one minute.
    /// </summary>
    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The WebAuthn relying-party id passkeys are bound to, e.g. <c>coproduce.example.org</c>. Unset:
    /// the host of the request, which is right for one host name; set it when the site answers on
    /// several. Changing it later makes existing passkeys unusable.
    /// </summary>
    public string? PasskeyServerDomain { get; set; }
}
