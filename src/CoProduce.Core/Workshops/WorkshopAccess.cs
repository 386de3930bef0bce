using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <summary>A participant resolved from their session token, with the workshop they are in.</summary>
public sealed record ParticipantSeat(Participant Participant, Workshop Workshop);

/// <summary>
/// Who may do what in a workshop. Facilitator actions: the workshop's facilitators and
/// administrators; staff of the owning organisation who are not facilitators get
/// <see cref="ErrorCodes.WorkshopForbidden"/>, anyone else <see cref="ErrorCodes.WorkshopNotFound"/>
/// (existence is not revealed). Participants act only in the workshop their token belongs to.
/// </summary>
public sealed class WorkshopAccess(CoProduceDbContext db, SecretHasher hasher)
{
    public async Task<Result<Workshop>> AuthorizeFacilitatorAsync(StaffActor actor, WorkshopId id, CancellationToken cancellationToken)
    {
        var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workshop is null)
        {
            return new Error(ErrorCodes.WorkshopNotFound);
        }

        if (workshop.IsFacilitator(actor))
        {
            return workshop;
        }

        return workshop.OwnerOrganisationId == actor.OrganisationId
            ? new Error(ErrorCodes.WorkshopForbidden)
            : new Error(ErrorCodes.WorkshopNotFound);
    }

    /// <summary>
    /// Reading what a workshop produced (its record): its facilitators, administrators, and staff of
    /// the owning organisation. Anyone else gets <see cref="ErrorCodes.WorkshopNotFound"/>.
    /// </summary>
    public async Task<Result<Workshop>> AuthorizeReaderAsync(StaffActor actor, WorkshopId id, CancellationToken cancellationToken)
    {
        var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        return workshop is not null && (workshop.IsFacilitator(actor) || workshop.OwnerOrganisationId == actor.OrganisationId)
            ? workshop
            : new Error(ErrorCodes.WorkshopNotFound);
    }

    /// <summary>
    /// The participant holding this token. Removed participants and ended workshops are refused;
    /// <paramref name="requireAdmitted"/> also refuses those still waiting to be let in.
    /// </summary>
    public async Task<Result<ParticipantSeat>> ResolveParticipantAsync(SessionToken token, bool requireAdmitted, CancellationToken cancellationToken)
    {
        var hash = hasher.Hash(SecretPurpose.WorkshopParticipant, token.Value);
        var participant = await db.WorkshopParticipants.SingleOrDefaultAsync(p => p.SessionTokenHash == hash, cancellationToken);
        if (participant is null || !SecretHasher.Matches(participant.SessionTokenHash, hash))
        {
            return new Error(ErrorCodes.ParticipantNotFound);
        }

        return await SeatAsync(participant, requireAdmitted, cancellationToken);
    }

    /// <summary>
    /// The same rules for a participant already resolved from their token earlier (the hub keeps the
    /// id for its connection): their current status and workshop are read again.
    /// </summary>
    public async Task<Result<ParticipantSeat>> ResolveParticipantAsync(ParticipantId participantId, bool requireAdmitted, CancellationToken cancellationToken)
    {
        var participant = await db.WorkshopParticipants.SingleOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        return participant is null ? new Error(ErrorCodes.ParticipantNotFound) : await SeatAsync(participant, requireAdmitted, cancellationToken);
    }

    private async Task<Result<ParticipantSeat>> SeatAsync(Participant participant, bool requireAdmitted, CancellationToken cancellationToken)
    {
        if (participant.Status == ParticipantStatus.Removed)
        {
            return new Error(ErrorCodes.ParticipantRemoved);
        }

        var workshop = await db.Workshops.SingleAsync(w => w.Id == participant.WorkshopId, cancellationToken);
        if (workshop.State == WorkshopState.Ended)
        {
            return new Error(ErrorCodes.WorkshopEnded);
        }

        if (requireAdmitted && participant.Status == ParticipantStatus.Waiting)
        {
            return new Error(ErrorCodes.ParticipantAwaitingAdmission);
        }

        return new ParticipantSeat(participant, workshop);
    }

    /// <summary>The activity a participant may act in now: the current one, live, not closed.</summary>
    public async Task<Result<WorkshopActivity>> CurrentActivityAsync(Workshop workshop, ActivityId activityId, CancellationToken cancellationToken)
    {
        if (workshop.State != WorkshopState.Live)
        {
            return new Error(ErrorCodes.WorkshopNotLive);
        }

        if (workshop.CurrentActivityId != activityId)
        {
            return new Error(ErrorCodes.ActivityNotCurrent, "activityId");
        }

        var activity = await db.WorkshopActivities.SingleOrDefaultAsync(a => a.Id == activityId && a.WorkshopId == workshop.Id, cancellationToken);
        if (activity is null)
        {
            return new Error(ErrorCodes.ActivityNotFound, "activityId");
        }

        return activity.Closed ? new Error(ErrorCodes.ActivityClosed, "activityId") : activity;
    }

    public byte[] HashToken(SessionToken token) => hasher.Hash(SecretPurpose.WorkshopParticipant, token.Value);

    /// <summary>
    /// A facilitator changing the workshop or its activities: as <see cref="AuthorizeFacilitatorAsync"/>,
    /// and refused with <see cref="ErrorCodes.WorkshopEnded"/> once the workshop has ended.
    /// </summary>
    public async Task<Result<Workshop>> AuthorizeChangeAsync(StaffActor actor, WorkshopId id, CancellationToken cancellationToken)
    {
        var authorized = await AuthorizeFacilitatorAsync(actor, id, cancellationToken);
        return authorized.TryGetValue(out var workshop) && workshop.State == WorkshopState.Ended ? new Error(ErrorCodes.WorkshopEnded) : authorized;
    }
}
