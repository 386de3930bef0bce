using CoProduce.Core.Common;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Staff;

/// <summary>Revokes one of the actor's own tokens (an administrator may revoke anyone's).</summary>
public sealed class RevokeApiToken(CoProduceDbContext db, IAuditLog audit, TimeProvider time)
{
    public async Task<Result> HandleAsync(StaffActor actor, ApiTokenId id, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || (token.UserId != actor.UserId && !actor.Has(StaffRoles.Administrator)))
        {
            return new Error(ErrorCodes.NotFound);
        }

        if (token.IsRevoked)
        {
            return Result.Success();
        }

        token.Revoke(time.GetUtcNow());
        await audit.RecordAsync(actor, AuditActions.ApiTokenRevoke, AuditActions.SubjectApiToken, token.Id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }
}
