using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Staff;

/// <summary>
/// Finds the staff member a bearer token was issued to. Unknown and revoked tokens fail alike. Use is
/// recorded by the day (one write per token per day at most), never per request.
/// </summary>
public sealed class AuthenticateApiToken(CoProduceDbContext db, SecretHasher hasher, TimeProvider time)
{
    public const int MaxTokenLength = 200;

    public async Task<Result<StaffUserId>> HandleAsync(string token, CancellationToken ct = default)
    {
        if (token.Length is 0 or > MaxTokenLength || !token.StartsWith(CreateApiToken.Prefix, StringComparison.Ordinal))
        {
            return new Error(ErrorCodes.NotFound);
        }

        var hash = hasher.Hash(SecretPurpose.ApiToken, token);
        var found = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (found is null || found.IsRevoked)
        {
            return new Error(ErrorCodes.NotFound);
        }

        if (found.MarkUsed(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)))
        {
            await db.SaveChangesAsync(ct);
        }

        return found.UserId;
    }
}
