using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

/// <summary>Finds the draft a session token owns, with its consultation.</summary>
internal static class DraftAccess
{
    public static async Task<Result<(Draft Draft, Consultation Consultation)>> FindAsync(
        CoProduceDbContext db,
        SecretHasher hasher,
        SessionToken token,
        CancellationToken cancellationToken,
        bool trackDraft = true)
    {
        if (string.IsNullOrEmpty(token.Value))
        {
            return new Error(ErrorCodes.DraftNotFound);
        }

        var hash = hasher.Hash(token);
        var drafts = trackDraft ? db.Drafts : db.Drafts.AsNoTracking();
        var draft = await drafts.SingleOrDefaultAsync(d => d.SessionTokenHash == hash, cancellationToken);
        if (draft is null || !SecretHasher.Matches(draft.SessionTokenHash, hash))
        {
            return new Error(ErrorCodes.DraftNotFound);
        }

        if (draft.Submitted)
        {
            return new Error(ErrorCodes.ResponseAlreadySubmitted);
        }

        // Read-only here, and large: tracking it would snapshot (serialise and deserialise) the whole
        // questionnaire on every read and compare it again on every SaveChanges.
        var consultation = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == draft.ConsultationId, cancellationToken);
        return (draft, consultation);
    }

    /// <summary>As <see cref="FindAsync"/>, and the consultation must still be taking responses.</summary>
    public static async Task<Result<(Draft Draft, Consultation Consultation)>> FindWritableAsync(
        CoProduceDbContext db,
        SecretHasher hasher,
        TimeProvider time,
        SessionToken token,
        CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, hasher, token, cancellationToken);
        if (found.IsFailure)
        {
            return found;
        }

        return found.Value.Consultation.IsAcceptingResponses(time.GetUtcNow())
            ? found
            : new Error(ErrorCodes.ConsultationClosed);
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
