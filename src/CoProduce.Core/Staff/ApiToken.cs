namespace CoProduce.Core.Staff;

public readonly record struct ApiTokenId(Guid Value)
{
    public static ApiTokenId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// A named bearer token a staff member issued to an API client. Only the keyed hash of the token is
/// stored; its use is recorded by the day, not per request.
/// </summary>
public sealed class ApiToken
{
    private ApiToken()
    {
        // For EF Core materialisation.
        Name = "";
        TokenHash = [];
    }

    public ApiToken(ApiTokenId id, StaffUserId userId, string name, byte[] tokenHash, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        Name = name;
        TokenHash = tokenHash;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public ApiTokenId Id { get; private set; }

    public StaffUserId UserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>HMAC of the token (<c>SecretPurpose.ApiToken</c>).</summary>
    public byte[] TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last day the token was used (coarse on purpose).</summary>
    public DateOnly? LastUsedOn { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now.ToUniversalTime();

    /// <returns>True when the stored day changed (so the caller saves).</returns>
    public bool MarkUsed(DateOnly today)
    {
        if (LastUsedOn == today)
        {
            return false;
        }

        LastUsedOn = today;
        return true;
    }
}
