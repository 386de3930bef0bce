using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Authoring;

/// <summary>What is needed to start a consultation; everything else is filled in afterwards.</summary>
/// <param name="Reference">2–32 letters, digits and hyphens (e.g. <c>WG12345</c>), unique.</param>
/// <param name="Title">English and Welsh; either may be left empty for now (the readiness check lists it).</param>
public sealed record CreateConsultationRequest(
    string Reference,
    LocalizedText Title,
    Jurisdiction Jurisdiction,
    Audience Audience,
    CommissioningPhase Phase,
    DateOnly IssuedOn,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    bool RequiresApproval);

/// <summary>
/// Creates a draft consultation owned by the actor's organisation (commissioners and
/// administrators). Its texts start empty, except a regulator (the ICO) to edit; the readiness check
/// lists what is still missing.
/// </summary>
public sealed class CreateConsultation(CoProduceDbContext db, ConsultationChanges changes, IAuditLog audit)
{
    public async Task<Result<Consultation>> HandleAsync(StaffActor actor, CreateConsultationRequest request, CancellationToken ct = default)
    {
        if (!actor.Has(StaffRoles.Commissioner) && !actor.Has(StaffRoles.Administrator))
        {
            return new Error(ErrorCodes.Forbidden);
        }

        var errors = new List<Error>();
        var reference = ConsultationReference.Normalise(request.Reference);
        if (reference is null)
        {
            errors.Add(new Error(ErrorCodes.ImportInvalidReference, "reference", [request.Reference ?? ""]));
        }
        else if (await changes.ReferenceTakenAsync(reference, null, ct))
        {
            errors.Add(new Error(ErrorCodes.ImportDuplicateReference, "reference", [reference]));
        }

        if (request.ClosesAt <= request.OpensAt)
        {
            errors.Add(new Error(ErrorCodes.ImportInvalidDates, "closesAt"));
        }

        if (errors.Count > 0 || reference is null)
        {
            return Result<Consultation>.Failure(errors);
        }

        var consultation = new Consultation(
            ConsultationId.New(),
            reference,
            ConsultationTemplate.Details(request.Title),
            new Questionnaire(),
            request.IssuedOn,
            request.OpensAt,
            request.ClosesAt,
            request.Audience,
            request.Jurisdiction,
            request.Phase,
            request.RequiresApproval,
            actor.OrganisationId);
        db.Consultations.Add(consultation);
        await audit.RecordAsync(actor, AuthoringAuditActions.Create, AuditActions.SubjectConsultation, consultation.Id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        return consultation;
    }
}

/// <summary>The starting content of a new consultation.</summary>
public static class ConsultationTemplate
{
    private static LocalizedText Empty => new("", "");

    public static ConsultationDetails Details(LocalizedText title) => new()
    {
        Title = title,
        Summary = Empty,
        Body = Empty,
        IssuingBody = Empty,
        HowToRespond = new HowToRespond { Online = true },
        Contact = new ContactDetails { Name = Empty },
        DataProtection = new DataProtectionNotice
        {
            Controller = Empty,
            LawfulBasis = Empty,
            WhoSeesResponses = Empty,
            ResponsesMayBePublished = false,
            Publication = Empty,
            RedactionOnRequest = Empty,
            FreedomOfInformation = Empty,
            Rights = Empty,
            Regulator = new RegulatorContact
            {
                Name = new("Information Commissioner's Office", "Swyddfa'r Comisiynydd Gwybodaeth"),
                Telephone = "0303 123 1113",
                Website = "https://ico.org.uk",
            },
        },
    };
}
