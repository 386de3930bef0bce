using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

public sealed record WorkshopDetails(
    LocalizedText? Title,
    LocalizedText? Purpose,
    CommissioningPhase Phase,
    Jurisdiction Jurisdiction,
    DateTimeOffset ScheduledAt,
    LocalizedText? GroundRules,
    LocalizedText? SupportInformation,
    bool AdmissionRequired,
    string? ConsultationReference = null);

/// <param name="JoinCode">Shown to the facilitator to hand out; only its keyed hash is kept.</param>
public sealed record CreatedWorkshop(WorkshopId Id, JoinCode JoinCode);

/// <summary>
/// A facilitator (or administrator) creates a workshop. The creator becomes its first facilitator and
/// the workshop belongs to their organisation.
/// </summary>
public sealed class CreateWorkshop(CoProduceDbContext db, SecretHasher hasher, IAuditLog audit)
{
    public async Task<Result<CreatedWorkshop>> HandleAsync(StaffActor actor, WorkshopDetails details, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(StaffRoles.Facilitator) && !actor.Has(StaffRoles.Administrator))
        {
            return new Error(ErrorCodes.WorkshopForbidden);
        }

        var validated = await Validate(db, details, cancellationToken);
        if (validated.IsFailure)
        {
            return Result<CreatedWorkshop>.Failure(validated.Errors);
        }

        var v = validated.Value;
        var code = JoinCode.Generate();
        var workshop = new Workshop(WorkshopId.New(), v.Title, v.Purpose, details.Phase, details.Jurisdiction, details.ScheduledAt, v.GroundRules, v.SupportInformation, details.AdmissionRequired, code.Hash(hasher), actor, v.ConsultationId);
        db.Workshops.Add(workshop);
        await audit.RecordAsync(actor, WorkshopAudit.Create, WorkshopAudit.SubjectWorkshop, workshop.Id.ToString(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedWorkshop(workshop.Id, code);
    }

    internal sealed record ValidDetails(LocalizedText Title, LocalizedText Purpose, LocalizedText GroundRules, LocalizedText SupportInformation, ConsultationId? ConsultationId);

    /// <summary>Shared with <see cref="UpdateWorkshop"/>.</summary>
    internal static async Task<Result<ValidDetails>> Validate(CoProduceDbContext db, WorkshopDetails details, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var title = WorkshopText.Required(details.Title, "title", WorkshopText.MaxTitle, errors);
        var purpose = WorkshopText.Required(details.Purpose, "purpose", WorkshopText.MaxLong, errors);
        var rules = WorkshopText.Required(details.GroundRules, "groundRules", WorkshopText.MaxLong, errors);
        var support = WorkshopText.Required(details.SupportInformation, "supportInformation", WorkshopText.MaxLong, errors);
        ConsultationId? consultationId = null;
        if (!string.IsNullOrWhiteSpace(details.ConsultationReference))
        {
            var reference = details.ConsultationReference.Trim();
            var found = await db.Consultations.AsNoTracking().Where(c => c.Reference == reference).Select(c => (ConsultationId?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                errors.Add(new Error(ErrorCodes.ConsultationNotFound, "consultationReference"));
            }

            consultationId = found;
        }

        if (errors.Count > 0)
        {
            return Result<ValidDetails>.Failure(errors);
        }

        // Non-null here: each helper returns null only after adding an error.
        return new ValidDetails(title!, purpose!, rules!, support!, consultationId);
    }
}
