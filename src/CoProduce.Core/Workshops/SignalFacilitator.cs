using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Workshops;

/// <param name="SupportInformation">Shown back to the participant straight away.</param>
public sealed record SignalSent(WorkshopId WorkshopId, ParticipantId ParticipantId, string? Pseudonym, SupportSignal Signal, LocalizedText SupportInformation);

/// <summary>
/// A participant privately tells the facilitators they need a break or support (or withdraws the
/// signal). Only facilitators are told; the participant sees the workshop's support information.
/// Allowed while waiting for admission and while the room is paused.
/// </summary>
public sealed class SignalFacilitator(CoProduceDbContext db, WorkshopAccess access)
{
    public async Task<Result<SignalSent>> HandleAsync(SessionToken token, SupportSignal signal, CancellationToken cancellationToken = default)
    {
        var seat = await access.ResolveParticipantAsync(token, requireAdmitted: false, cancellationToken);
        if (!seat.TryGetValue(out var s))
        {
            return Result<SignalSent>.Failure(seat.Errors);
        }

        s.Participant.SetSignal(signal);
        await db.SaveChangesAsync(cancellationToken);
        return new SignalSent(s.Workshop.Id, s.Participant.Id, s.Participant.Pseudonym, signal, s.Workshop.SupportInformation);
    }
}
