using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

/// <summary>
/// Finds the draft a session token owns, with its consultation: one query reads the draft and its
/// consultation's change stamp, and the consultation comes from the <see cref="ConsultationCache"/>
/// (read again only when it changed). The queries are compiled once per instance (a singleton): a
/// compiled query belongs to one EF model, and SQLite and PostgreSQL have different ones.
/// </summary>
public sealed class DraftAccess(SecretHasher hasher, ConsultationCache consultations, TimeProvider time)
{
    private readonly Func<CoProduceDbContext, byte[], CancellationToken, Task<DraftRow?>> _trackedDraft =
        EF.CompileAsyncQuery((CoProduceDbContext db, byte[] hash, CancellationToken _) =>
            db.Drafts
                .Where(d => d.SessionTokenHash == hash)
                .Join(db.Consultations, d => d.ConsultationId, c => c.Id, (d, c) => new DraftRow(d, c.ChangeStamp))
                .SingleOrDefault());

    private readonly Func<CoProduceDbContext, byte[], CancellationToken, Task<DraftRow?>> _untrackedDraft =
        EF.CompileAsyncQuery((CoProduceDbContext db, byte[] hash, CancellationToken _) =>
            db.Drafts
                .AsNoTracking()
                .Where(d => d.SessionTokenHash == hash)
                .Join(db.Consultations, d => d.ConsultationId, c => c.Id, (d, c) => new DraftRow(d, c.ChangeStamp))
                .SingleOrDefault());

    /// <param name="trackDraft">False when the draft is only shown, never changed.</param>
    /// <returns>
    /// The draft (tracked by <paramref name="db"/> when <paramref name="trackDraft"/>) and its consultation,
    /// which is shared and read-only (see <see cref="ConsultationCache"/>).
    /// </returns>
    internal async Task<Result<(Draft Draft, Consultation Consultation)>> FindAsync(
        CoProduceDbContext db,
        SessionToken token,
        CancellationToken cancellationToken,
        bool trackDraft = true)
    {
        if (string.IsNullOrEmpty(token.Value))
        {
            return new Error(ErrorCodes.DraftNotFound);
        }

        var hash = hasher.Hash(token);
        var row = await (trackDraft ? _trackedDraft : _untrackedDraft)(db, hash, cancellationToken);
        if (row is null || !SecretHasher.Matches(row.Draft.SessionTokenHash, hash))
        {
            return new Error(ErrorCodes.DraftNotFound);
        }

        if (row.Draft.Submitted)
        {
            return new Error(ErrorCodes.ResponseAlreadySubmitted);
        }

        var consultation = await consultations.GetAsync(db, row.Draft.ConsultationId, row.ConsultationStamp, cancellationToken);
        return consultation is null
            ? new Error(ErrorCodes.DraftNotFound) // deleted since (drafts go with their consultation)
            : (row.Draft, consultation);
    }

    /// <summary>As <see cref="FindAsync"/>, and the consultation must still be taking responses.</summary>
    internal async Task<Result<(Draft Draft, Consultation Consultation)>> FindWritableAsync(
        CoProduceDbContext db,
        SessionToken token,
        CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, token, cancellationToken);
        if (found.IsFailure)
        {
            return found;
        }

        return found.Value.Consultation.IsAcceptingResponses(time.GetUtcNow())
            ? found
            : new Error(ErrorCodes.ConsultationClosed);
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private sealed record DraftRow(Draft Draft, Guid ConsultationStamp);
}
