using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

/// <param name="SessionToken">Give to the browser in an HttpOnly cookie; only its keyed hash is stored.</param>
public sealed record StartedResponse(SessionToken SessionToken, string ConsultationReference, SectionId? FirstSectionId);

/// <summary>Starts an empty draft response to an open consultation.</summary>
public sealed class StartResponse(CoProduceDbContext db, TimeProvider time, SecretHasher hasher, ConsultationCache consultations)
{
    public async Task<Result<StartedResponse>> HandleAsync(string consultationReference, CancellationToken cancellationToken = default)
    {
        var reference = ConsultationReference.Normalise(consultationReference);
        var consultation = reference is null
            ? null
            : await consultations.GetByReferenceAsync(db, reference, cancellationToken);
        if (consultation is not { IsPublished: true })
        {
            return new Error(ErrorCodes.ConsultationNotFound, "reference");
        }

        if (!consultation.IsAcceptingResponses(time.GetUtcNow()))
        {
            return new Error(ErrorCodes.ConsultationNotOpen, "reference");
        }

        var token = SessionToken.Generate();
        db.Drafts.Add(new Draft(DraftId.New(), consultation.Id, hasher.Hash(token), DraftAccess.Today(time)));
        await db.SaveChangesAsync(cancellationToken);
        return new StartedResponse(token, consultation.Reference, consultation.Sections.FirstOrDefault()?.Id);
    }
}
