using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Responses;

/// <param name="ResumeCode">Show once (<see cref="SecretCode.Display"/>); it cannot be shown again.</param>
/// <param name="ExpiresAt">When the consultation closes; the draft is deleted then.</param>
public sealed record SavedForLater(SecretCode ResumeCode, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues a resume code for the draft — no e-mail address needed. A new code replaces any earlier
/// one, which stops working.
/// </summary>
public sealed class SaveForLater(CoProduceDbContext db, TimeProvider time, SecretHasher hasher, DraftAccess drafts)
{
    public async Task<Result<SavedForLater>> HandleAsync(SessionToken sessionToken, CancellationToken cancellationToken = default)
    {
        var found = await drafts.FindWritableAsync(db, sessionToken, cancellationToken);
        if (found.IsFailure)
        {
            return Result<SavedForLater>.Failure(found.Errors);
        }

        var (draft, consultation) = found.Value;
        var code = SecretCode.Generate();
        draft.SetResumeCodeHash(hasher.Hash(code, SecretPurpose.Resume), DraftAccess.Today(time));
        await db.SaveChangesAsync(cancellationToken);
        return new SavedForLater(code, consultation.ClosesAt);
    }
}
