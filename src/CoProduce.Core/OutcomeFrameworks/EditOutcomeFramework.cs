using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.OutcomeFrameworks;

public sealed record FrameworkChanged(OutcomeFrameworkId FrameworkId, int Version, FrameworkDocument Document);

/// <summary>
/// A facilitator changes the framework (in a workshop or between workshops). Every change is a new
/// version; two changes at the same moment do not overwrite each other (the second is refused).
/// </summary>
public sealed class EditOutcomeFramework(CoProduceDbContext db, FrameworkAccess access, TimeProvider time, IAuditLog audit)
{
    public async Task<Result<FrameworkChanged>> HandleAsync(StaffActor actor, OutcomeFrameworkId id, FrameworkEdit edit, WorkshopId? workshopId = null, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeAsync(actor, id, change: true, cancellationToken);
        if (!authorized.TryGetValue(out var framework))
        {
            return Result<FrameworkChanged>.Failure(authorized.Errors);
        }

        if (edit.BasedOnVersion is { } seen && seen != framework.Version)
        {
            return new Error(ErrorCodes.FrameworkChangedElsewhere);
        }

        var applied = FrameworkEditor.Apply(framework.Document, edit, await access.WellbeingCodesAsync(cancellationToken));
        if (!applied.TryGetValue(out var change))
        {
            return Result<FrameworkChanged>.Failure(applied.Errors);
        }

        await audit.RecordAsync(actor, WorkshopAudit.EditFramework, WorkshopAudit.SubjectFramework, id.ToString(), cancellationToken);
        return await SaveAsync(db, framework, change.Document, change.Summary, workshopId, time, cancellationToken);
    }

    internal static async Task<Result<FrameworkChanged>> SaveAsync(CoProduceDbContext db, OutcomeFramework framework, FrameworkDocument document, string summary, WorkshopId? workshopId, TimeProvider time, CancellationToken cancellationToken)
    {
        var version = framework.Apply(document, summary, workshopId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        db.OutcomeFrameworkVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Concurrency token on Version, or the (framework, version) key: someone saved first.
            return new Error(ErrorCodes.FrameworkChangedElsewhere);
        }

        return new FrameworkChanged(framework.Id, framework.Version, framework.Document);
    }
}
