using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

public enum ParticipantCommand
{
    Admit,
    Remove,

    /// <summary>The facilitator has seen a break/support signal and clears it.</summary>
    AcknowledgeSignal,
}

/// <summary>A facilitator admits a waiting participant, removes one, or acknowledges their signal.</summary>
public sealed class ManageParticipant(CoProduceDbContext db, WorkshopAccess access, IAuditLog audit)
{
    public async Task<Result<ParticipantStatus>> HandleAsync(StaffActor actor, WorkshopId workshopId, ParticipantId participantId, ParticipantCommand command, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeFacilitatorAsync(actor, workshopId, cancellationToken);
        if (authorized.IsFailure)
        {
            return Result<ParticipantStatus>.Failure(authorized.Errors);
        }

        var participant = await db.WorkshopParticipants.SingleOrDefaultAsync(p => p.Id == participantId && p.WorkshopId == workshopId, cancellationToken);
        if (participant is null)
        {
            return new Error(ErrorCodes.ParticipantNotFound, "participantId");
        }

        switch (command)
        {
            case ParticipantCommand.Admit:
                participant.Admit();
                break;
            case ParticipantCommand.Remove:
                participant.Remove();
                break;
            default:
                participant.SetSignal(SupportSignal.None);
                break;
        }

        await audit.RecordAsync(actor, WorkshopAudit.ManageParticipant, WorkshopAudit.SubjectWorkshop, workshopId.ToString(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return participant.Status;
    }
}
