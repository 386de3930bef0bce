using System.Buffers.Text;
using System.Security.Cryptography;
using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Staff;

public sealed record CreateApiTokenRequest(string Name);

/// <summary>The token itself, shown to its owner once and never again.</summary>
public sealed record CreatedApiToken(ApiTokenId Id, string Name, string Token);

/// <summary>
/// Issues a named API token to the signed-in staff member: 256 random bits, prefixed <c>cpt_</c> so
/// it is recognisable in a leak scan; only its keyed hash is stored.
/// </summary>
public sealed class CreateApiToken(CoProduceDbContext db, SecretHasher hasher, IAuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const string Prefix = "cpt_";

    public async Task<Result<CreatedApiToken>> HandleAsync(StaffActor actor, CreateApiTokenRequest request, CancellationToken ct = default)
    {
        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            return new Error(ErrorCodes.ApiTokenNameRequired, "name");
        }

        if (name.Length > MaxNameLength)
        {
            return new Error(ErrorCodes.ApiTokenNameTooLong, "name", [MaxNameLength]);
        }

        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiToken(ApiTokenId.New(), actor.UserId, name, hasher.Hash(SecretPurpose.ApiToken, token), time.GetUtcNow());
        db.ApiTokens.Add(entity);
        await audit.RecordAsync(actor, AuditActions.ApiTokenCreate, AuditActions.SubjectApiToken, entity.Id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(entity.Id, name, token);
    }
}
