using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Authoring;

/// <param name="Permissions">What the actor may do with it, so a page offers only those actions.</param>
/// <param name="Status">The status now (the clock applied).</param>
/// <param name="EditScope">What may be edited now.</param>
public sealed record StaffConsultationView(
    Consultation Consultation,
    ConsultationStatus Status,
    EditScope EditScope,
    IReadOnlySet<ConsultationPermission> Permissions)
{
    public bool Can(ConsultationPermission permission) => Permissions.Contains(permission);
}

/// <summary>One consultation as a staff member sees it, with what they may do with it.</summary>
public sealed class GetStaffConsultation(CoProduceDbContext db, ConsultationAccess access, TimeProvider time)
{
    public async Task<Result<StaffConsultationView>> HandleAsync(StaffActor actor, ConsultationId id, CancellationToken ct = default)
    {
        var found = await access.AuthorizeAsync(actor, id, ConsultationPermission.View, ct);
        if (found.IsFailure)
        {
            return Result<StaffConsultationView>.Failure(found.Errors);
        }

        var consultation = found.Value;
        var assigned = actor.Has(StaffRoles.Analyst)
            && await db.ConsultationAnalysts.AnyAsync(a => a.ConsultationId == id && a.UserId == actor.UserId, ct);
        var now = time.GetUtcNow();
        return new StaffConsultationView(consultation, consultation.StatusAt(now), consultation.EditScopeAt(now), ConsultationAccess.Allowed(actor, consultation, assigned));
    }
}
