using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Authoring;

/// <summary>A line of the staff list of consultations.</summary>
/// <param name="Status">The status now (the clock applied).</param>
public sealed record StaffConsultationSummary(
    ConsultationId Id,
    string Reference,
    LocalizedText Title,
    ConsultationStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    Jurisdiction Jurisdiction,
    OrganisationId? OwnerOrganisationId);

/// <param name="IncludeArchived">Archived consultations are left out unless asked for.</param>
public sealed record ListStaffConsultationsRequest(bool IncludeArchived = false);

/// <summary>
/// The consultations a staff member may see (<see cref="ConsultationAccess.VisibleTo"/>): drafts first,
/// then by closing time, newest first.
/// </summary>
public sealed class ListStaffConsultations(ConsultationAccess access, TimeProvider time)
{
    public async Task<IReadOnlyList<StaffConsultationSummary>> HandleAsync(StaffActor actor, ListStaffConsultationsRequest request, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var query = access.VisibleTo(actor).AsNoTracking();
        if (!request.IncludeArchived)
        {
            query = query.Where(c => c.Status != ConsultationStatus.Archived);
        }

        var consultations = await query.ToListAsync(ct);
        return consultations
            .Select(c => new StaffConsultationSummary(c.Id, c.Reference, c.Details.Title, c.StatusAt(now), c.OpensAt, c.ClosesAt, c.Jurisdiction, c.OwnerOrganisationId))
            .OrderBy(c => c.Status)
            .ThenByDescending(c => c.ClosesAt)
            .ThenBy(c => c.Reference, StringComparer.Ordinal)
            .ToArray();
    }
}
