using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>
/// A facilitator gets a fresh join code (the old one stops working; people already in stay in). Used
/// when a code has been shared too widely, or to show a code again: only its hash is stored.
/// </summary>
public sealed class ReplaceJoinCode(CoProduceDbContext db, WorkshopAccess access, SecretHasher hasher, IAuditLog audit)
{
    public async Task<Result<JoinCode>> HandleAsync(StaffActor actor, WorkshopId id, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeFacilitatorAsync(actor, id, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result<JoinCode>.Failure(authorized.Errors);
        }

        if (workshop.State == WorkshopState.Ended)
        {
            return new Error(ErrorCodes.WorkshopEnded);
        }

        var code = JoinCode.Generate();
        workshop.ReplaceJoinCode(code.Hash(hasher));
        await audit.RecordAsync(actor, WorkshopAudit.ReplaceJoinCode, WorkshopAudit.SubjectWorkshop, id.ToString(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ErrorCodes.WorkshopChangedElsewhere);
        }

        return code;
    }
}
