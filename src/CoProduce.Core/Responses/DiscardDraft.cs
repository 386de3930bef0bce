using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

public enum DiscardOutcome
{
    /// <summary>The session owned no draft.</summary>
    NoDraft,

    /// <summary>The draft and its answers were deleted.</summary>
    Deleted,

    /// <summary>
    /// The draft has a resume code, so it was kept for that code, but this session's token no longer
    /// opens it: someone else picking up the device finds nothing.
    /// </summary>
    SessionEnded,
}

/// <summary>
/// Ends the draft session, for the exit route. Never fails: the person leaving must not be held up.
/// </summary>
public sealed class DiscardDraft(CoProduceDbContext db, SecretHasher hasher)
{
    public async Task<DiscardOutcome> HandleAsync(SessionToken sessionToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionToken.Value))
        {
            return DiscardOutcome.NoDraft;
        }

        var hash = hasher.Hash(sessionToken);
        var deleted = await db.Drafts.Where(d => d.SessionTokenHash == hash && d.ResumeCodeHash == null).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            return DiscardOutcome.Deleted;
        }

        // Kept for its resume code: replace the session hash with one nobody holds.
        var orphan = hasher.Hash(SessionToken.Generate());
        var ended = await db.Drafts.Where(d => d.SessionTokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SessionTokenHash, orphan), cancellationToken);
        return ended > 0 ? DiscardOutcome.SessionEnded : DiscardOutcome.NoDraft;
    }
}
