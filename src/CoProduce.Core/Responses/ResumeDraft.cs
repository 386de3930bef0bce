using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

/// <param name="SessionToken">A fresh token; any earlier session of this draft stops working.</param>
public sealed record ResumedDraft(SessionToken SessionToken, string ConsultationReference);

/// <summary>
/// Exchanges a resume code for a fresh session on the saved draft. The code stays valid (until it is
/// replaced, the response is submitted, or the consultation closes), so it can be used again after
/// clearing the browser. Callers must rate-limit this (the web layer does, without storing who asked).
/// </summary>
public sealed class ResumeDraft(CoProduceDbContext db, TimeProvider time, SecretHasher hasher)
{
    public async Task<Result<ResumedDraft>> HandleAsync(string resumeCode, CancellationToken cancellationToken = default)
    {
        var code = SecretCode.Parse(resumeCode);
        if (code is null)
        {
            return new Error(ErrorCodes.CodeMalformed, "resumeCode");
        }

        var hash = hasher.Hash(code, SecretPurpose.Resume);
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.ResumeCodeHash == hash, cancellationToken);
        if (draft?.ResumeCodeHash is null || !SecretHasher.Matches(draft.ResumeCodeHash, hash))
        {
            return new Error(ErrorCodes.ResumeCodeNotFound, "resumeCode");
        }

        if (draft.Submitted)
        {
            return new Error(ErrorCodes.ResponseAlreadySubmitted, "resumeCode");
        }

        var consultation = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == draft.ConsultationId, cancellationToken);
        if (!consultation.IsAcceptingResponses(time.GetUtcNow()))
        {
            return new Error(ErrorCodes.ResumeCodeExpired, "resumeCode");
        }

        var token = SessionToken.Generate();
        draft.RotateSessionToken(hasher.Hash(token));
        await db.SaveChangesAsync(cancellationToken);
        return new ResumedDraft(token, consultation.Reference);
    }
}
