using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.OutcomeFrameworks;

/// <param name="WorkshopTitle">The title of the workshop the version was made in, when it was made in one.</param>
public sealed record FrameworkVersionSummary(int Version, string Summary, DateOnly SavedOn, Workshops.WorkshopId? WorkshopId, LocalizedText? WorkshopTitle = null);

public sealed record FrameworkView(OutcomeFramework Framework, int Version, FrameworkDocument Document, IReadOnlyList<FrameworkVersionSummary> History);

/// <summary>A framework for staff: the current version or an earlier one, with its version history.</summary>
public sealed class GetOutcomeFramework(CoProduceDbContext db, FrameworkAccess access)
{
    public async Task<Result<FrameworkView>> HandleAsync(StaffActor actor, OutcomeFrameworkId id, int? version = null, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeAsync(actor, id, change: false, cancellationToken);
        if (!authorized.TryGetValue(out var framework))
        {
            return Result<FrameworkView>.Failure(authorized.Errors);
        }

        var history = await db.OutcomeFrameworkVersions.AsNoTracking().Where(v => v.FrameworkId == id).OrderByDescending(v => v.Version)
            .Select(v => new FrameworkVersionSummary(v.Version, v.Summary, v.SavedOn, v.WorkshopId, null)).ToListAsync(cancellationToken);
        var workshopIds = history.Where(h => h.WorkshopId is not null).Select(h => h.WorkshopId!.Value).Distinct().ToList(); // Filtered to non-null.
        if (workshopIds.Count > 0)
        {
            var titles = await db.Workshops.AsNoTracking().Where(w => workshopIds.Contains(w.Id)).Select(w => new { w.Id, w.Title }).ToDictionaryAsync(w => w.Id, w => w.Title, cancellationToken);
            history = history.Select(h => h.WorkshopId is { } w && titles.TryGetValue(w, out var title) ? h with { WorkshopTitle = title } : h).ToList();
        }

        if (version is null || version == framework.Version)
        {
            return new FrameworkView(framework, framework.Version, framework.Document, history);
        }

        var old = await db.OutcomeFrameworkVersions.AsNoTracking().SingleOrDefaultAsync(v => v.FrameworkId == id && v.Version == version, cancellationToken);
        return old is null ? new Error(ErrorCodes.FrameworkEntryNotFound, "version") : new FrameworkView(framework, old.Version, old.Document, history);
    }
}
