using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Organisations;

/// <summary>Every attribute of an organisation, as an administrator enters it.</summary>
public sealed record SaveOrganisationRequest(
    OrganisationId? Id,
    string Name,
    OrganisationKind Kind,
    Jurisdiction Jurisdiction,
    bool IsSpecialist,
    bool IsByAndFor,
    IReadOnlyList<string> CommunitiesServed,
    bool IsSmallOrSme,
    string Area,
    WelshLanguageOffer WelshLanguageOffer,
    bool IsVerified);

/// <summary>Creates an organisation (no id) or changes one; administrators only; audited.</summary>
public sealed class SaveOrganisation(CoProduceDbContext db, IAuditLog audit)
{
    public const int MaxNameLength = 200;
    public const int MaxAreaLength = 200;
    public const int MaxCommunityLength = 200;

    public async Task<Result<OrganisationId>> HandleAsync(StaffActor actor, SaveOrganisationRequest request, CancellationToken ct = default)
    {
        if (!actor.Has(StaffRoles.Administrator))
        {
            return new Error(ErrorCodes.Forbidden);
        }

        var errors = new List<Error>();
        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            errors.Add(new Error(ErrorCodes.OrganisationNameRequired, "name"));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new Error(ErrorCodes.OrganisationFieldTooLong, "name", [MaxNameLength]));
        }
        else if (await NameTakenAsync(name, request.Id, ct))
        {
            errors.Add(new Error(ErrorCodes.OrganisationNameTaken, "name"));
        }

        if (request.Area.Trim().Length > MaxAreaLength)
        {
            errors.Add(new Error(ErrorCodes.OrganisationFieldTooLong, "area", [MaxAreaLength]));
        }

        if (request.CommunitiesServed.Any(c => c.Trim().Length > MaxCommunityLength))
        {
            errors.Add(new Error(ErrorCodes.OrganisationFieldTooLong, "communities", [MaxCommunityLength]));
        }

        if (!Enum.IsDefined(request.Kind) || !Enum.IsDefined(request.Jurisdiction) || !Enum.IsDefined(request.WelshLanguageOffer))
        {
            errors.Add(new Error(ErrorCodes.ImportInvalidValue, "kind", ["kind"]));
        }

        Organisation? organisation = null;
        if (request.Id is { } id)
        {
            organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
            if (organisation is null)
            {
                return new Error(ErrorCodes.NotFound);
            }
        }

        if (errors.Count > 0)
        {
            return Result<OrganisationId>.Failure(errors);
        }

        if (organisation is null)
        {
            organisation = new Organisation(OrganisationId.New(), name, request.Kind, request.Jurisdiction);
            db.Organisations.Add(organisation);
        }

        organisation.Update(name, request.Kind, request.Jurisdiction, request.IsSpecialist, request.IsByAndFor, request.CommunitiesServed, request.IsSmallOrSme, request.Area, request.WelshLanguageOffer, request.IsVerified);
        await audit.RecordAsync(actor, request.Id is null ? AuditActions.OrganisationCreate : AuditActions.OrganisationUpdate, AuditActions.SubjectOrganisation, organisation.Id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        return organisation.Id;
    }

    private Task<bool> NameTakenAsync(string name, OrganisationId? except, CancellationToken ct)
    {
        if (except is { } id)
        {
            return db.Organisations.AnyAsync(o => o.Name == name && o.Id != id, ct);
        }

        return db.Organisations.AnyAsync(o => o.Name == name, ct);
    }
}
