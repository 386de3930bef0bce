using System.Collections.Concurrent;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Consultations;

/// <summary>
/// Consultations as read from the database (details and questionnaire deserialised), kept in memory
/// by id and shared by every request: the respondent's pages need the whole consultation on every
/// request, and reading and deserialising its JSON documents each time was a large part of a page's
/// cost. A copy is used only while its <see cref="Consultation.ChangeStamp"/> equals the one the
/// caller has just read from the database in the same query as the draft (or the reference), so a
/// change saved by any process — authoring, the lifecycle sweep, another server — is seen by the next
/// request; nothing needs to invalidate it.
/// </summary>
/// <remarks>
/// The instances handed out are shared between requests and threads: treat them as read-only, and
/// never attach one to a <see cref="DbContext"/> or call a method that changes it. A use case that
/// changes a consultation reads its own tracked copy.
/// </remarks>
public sealed class ConsultationCache
{
    /// <summary>
    /// More consultations than this are not expected to be live at once; past it the cache starts
    /// again rather than grow without bound (closed or deleted consultations are never evicted otherwise).
    /// </summary>
    public const int MaxEntries = 1024;

    // Compiled once per instance (a singleton): a compiled query belongs to one EF model, and SQLite and
    // PostgreSQL have different ones.
    private readonly Func<CoProduceDbContext, ConsultationId, CancellationToken, Task<Consultation?>> _byId =
        EF.CompileAsyncQuery((CoProduceDbContext db, ConsultationId id, CancellationToken _) =>
            db.Consultations.AsNoTracking().SingleOrDefault(c => c.Id == id));

    private readonly Func<CoProduceDbContext, string, CancellationToken, Task<StampRow?>> _stampByReference =
        EF.CompileAsyncQuery((CoProduceDbContext db, string reference, CancellationToken _) =>
            db.Consultations.Where(c => c.Reference == reference).Select(c => new StampRow(c.Id, c.ChangeStamp)).SingleOrDefault());

    private readonly ConcurrentDictionary<ConsultationId, Consultation> _entries = new();

    // The last copy read for a reference, for callers that verify its stamp later (see PeekByReference).
    private readonly ConcurrentDictionary<string, Consultation> _byReference = new(StringComparer.Ordinal);

    /// <summary>How many consultations are held (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The consultation <paramref name="id"/> as saved with <paramref name="stamp"/>: the copy in memory
    /// when it has that stamp, otherwise read from <paramref name="db"/> (and kept). Null when it no
    /// longer exists.
    /// </summary>
    internal async Task<Consultation?> GetAsync(CoProduceDbContext db, ConsultationId id, Guid stamp, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(id, out var cached) && cached.ChangeStamp == stamp)
        {
            return cached;
        }

        var fresh = await _byId(db, id, cancellationToken);
        if (fresh is null)
        {
            _entries.TryRemove(id, out _);
            return null;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
            _byReference.Clear();
        }

        // The copy read may be newer or (when two requests race across a save) older than what another
        // request stored meanwhile; either way the next request compares stamps again and corrects it.
        _entries[id] = fresh;
        return fresh;
    }

    /// <summary>
    /// The copy last read for a normalised <paramref name="reference"/> by <see cref="GetByReferenceAsync"/>,
    /// without reading the database: it may be out of date. Only for a caller that checks its
    /// <see cref="Consultation.ChangeStamp"/> against the database before relying on it, as
    /// <see cref="Responses.ResponseCommitter.CommitWholeAsync"/> does in the transaction that stores the
    /// response, and reads it again (<see cref="GetByReferenceAsync"/>) when that check fails or before
    /// reporting anything decided from it.
    /// </summary>
    internal Consultation? PeekByReference(string reference) => _byReference.GetValueOrDefault(reference);

    /// <summary>
    /// The consultation with a normalised <paramref name="reference"/> (see <see cref="ConsultationReference"/>),
    /// whatever its status: one small read of its id and stamp, then as <see cref="GetAsync"/>.
    /// </summary>
    internal async Task<Consultation?> GetByReferenceAsync(CoProduceDbContext db, string reference, CancellationToken cancellationToken)
    {
        var row = await _stampByReference(db, reference, cancellationToken);
        var consultation = row is null ? null : await GetAsync(db, row.Id, row.Stamp, cancellationToken);
        if (consultation is null)
        {
            _byReference.TryRemove(reference, out _);
        }
        else
        {
            _byReference[reference] = consultation;
        }

        return consultation;
    }

    private sealed record StampRow(ConsultationId Id, Guid Stamp);
}
