using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

public sealed record JoinRequest(string? Code, string? Pseudonym, string? Language);

/// <param name="SessionToken">Held by the participant's browser (a cookie); only its keyed hash is stored.</param>
public sealed record JoinedWorkshop(SessionToken SessionToken, WorkshopId WorkshopId, ParticipantId ParticipantId, bool Admitted);

/// <summary>
/// Someone joins with the code: no account, no e-mail; an optional pseudonym and a language. Callers
/// must rate-limit this (the web layer does, without storing who asked).
/// </summary>
public sealed class JoinWorkshop(CoProduceDbContext db, SecretHasher hasher)
{
    public async Task<Result<JoinedWorkshop>> HandleAsync(JoinRequest request, CancellationToken cancellationToken = default)
    {
        var code = JoinCode.Parse(request.Code);
        if (code is null)
        {
            return new Error(ErrorCodes.JoinCodeMalformed, "code");
        }

        var pseudonym = ShortText.Clean(request.Pseudonym);
        if (pseudonym.Length > Participant.MaxPseudonymLength)
        {
            return new Error(ErrorCodes.ParticipantPseudonymTooLong, "pseudonym", [Participant.MaxPseudonymLength]);
        }

        var hash = code.Hash(hasher);
        var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.JoinCodeHash == hash, cancellationToken);
        if (workshop is null || !SecretHasher.Matches(workshop.JoinCodeHash, hash) || workshop.State == WorkshopState.Ended)
        {
            return new Error(ErrorCodes.JoinCodeNotFound, "code");
        }

        var token = SessionToken.Generate();
        var language = request.Language == "cy" ? "cy" : "en";
        var participant = new Participant(ParticipantId.New(), workshop.Id, pseudonym.Length == 0 ? null : pseudonym, language, hasher.Hash(SecretPurpose.WorkshopParticipant, token.Value), admitted: !workshop.AdmissionRequired);
        db.WorkshopParticipants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return new JoinedWorkshop(token, workshop.Id, participant.Id, participant.Status == ParticipantStatus.Admitted);
    }
}
