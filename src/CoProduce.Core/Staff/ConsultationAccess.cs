using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Staff;

/// <summary>
/// Decides, per consultation, what a staff member may do with it. Pages and GraphQL resolvers call
/// <see cref="AuthorizeAsync"/> before any staff use case touches a consultation, and list with
/// <see cref="VisibleTo"/>; the rules (docs/security.md) live only here:
/// <list type="bullet">
/// <item>Administrator: everything.</item>
/// <item>Commissioner: everything on their organisation's consultations (Approve only when someone
/// else submitted it for approval); View of other organisations' published ones.</item>
/// <item>Analyst: View and ReadResponses on consultations they are assigned to; View of published ones.</item>
/// <item>Facilitator: View of published ones.</item>
/// </list>
/// Roles add up. A refusal is <see cref="ErrorCodes.NotFound"/> when the actor may not even view the
/// consultation (its existence is not revealed), otherwise <see cref="ErrorCodes.Forbidden"/>.
/// </summary>
public sealed class ConsultationAccess(CoProduceDbContext db)
{
    /// <summary>Loads the consultation (tracked, ready to change) and checks the permission.</summary>
    public async Task<Result<Consultation>> AuthorizeAsync(StaffActor actor, ConsultationId id, ConsultationPermission permission, CancellationToken ct = default)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return new Error(ErrorCodes.NotFound);
        }

        var assigned = actor.Has(StaffRoles.Analyst)
            && await db.ConsultationAnalysts.AnyAsync(a => a.ConsultationId == id && a.UserId == actor.UserId, ct);
        return Decide(actor, consultation, assigned, permission) is { } refusal ? refusal : consultation;
    }

    /// <summary>The consultations an actor may at least view, for listings.</summary>
    public IQueryable<Consultation> VisibleTo(StaffActor actor)
    {
        if (actor.Has(StaffRoles.Administrator))
        {
            return db.Consultations;
        }

        var organisation = (Organisations.OrganisationId?)actor.OrganisationId;
        var commissioner = actor.Has(StaffRoles.Commissioner);
        var analyst = actor.Has(StaffRoles.Analyst);
        var anyRole = actor.Roles != StaffRoles.None;
        var user = actor.UserId;
        return db.Consultations.Where(c =>
            (anyRole && c.Status != ConsultationStatus.Draft && c.Status != ConsultationStatus.AwaitingApproval)
            || (commissioner && c.OwnerOrganisationId == organisation)
            || (analyst && db.ConsultationAnalysts.Any(a => a.ConsultationId == c.Id && a.UserId == user)));
    }

    /// <summary>
    /// The rule itself, without the database: null when allowed, else the refusal.
    /// <paramref name="isAssignedAnalyst"/> says whether the actor is assigned to it as analyst.
    /// </summary>
    public static Error? Decide(StaffActor actor, Consultation consultation, bool isAssignedAnalyst, ConsultationPermission permission)
    {
        var allowed = Allowed(actor, consultation, isAssignedAnalyst);
        if (allowed.Contains(permission))
        {
            return null;
        }

        return allowed.Contains(ConsultationPermission.View) ? new Error(ErrorCodes.Forbidden) : new Error(ErrorCodes.NotFound);
    }

    /// <summary>Every permission the actor holds on the consultation.</summary>
    public static IReadOnlySet<ConsultationPermission> Allowed(StaffActor actor, Consultation consultation, bool isAssignedAnalyst)
    {
        var allowed = new HashSet<ConsultationPermission>();
        if (actor.Has(StaffRoles.Administrator))
        {
            allowed.UnionWith(Enum.GetValues<ConsultationPermission>());
            return allowed;
        }

        if (actor.Roles != StaffRoles.None && consultation.IsPublished)
        {
            allowed.Add(ConsultationPermission.View);
        }

        if (actor.Has(StaffRoles.Commissioner) && consultation.OwnerOrganisationId == actor.OrganisationId)
        {
            allowed.UnionWith(Enum.GetValues<ConsultationPermission>());
            if (consultation.SubmittedForApprovalBy == actor.UserId)
            {
                // Four eyes: whoever asked for approval cannot give it.
                allowed.Remove(ConsultationPermission.Approve);
            }
        }

        if (actor.Has(StaffRoles.Analyst) && isAssignedAnalyst)
        {
            allowed.Add(ConsultationPermission.View);
            allowed.Add(ConsultationPermission.ReadResponses);
        }

        return allowed;
    }
}
