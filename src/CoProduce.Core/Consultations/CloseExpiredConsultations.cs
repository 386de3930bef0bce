using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Consultations;

public sealed record LifecycleSweep(int Opened, int Closed, int DraftsDeleted);

/// <summary>
/// Writes down what the clock has done: scheduled consultations whose opening time has passed become
/// open, open ones past their closing time become closed, and the drafts of closed consultations are
/// deleted (drafts expire when the consultation closes). Idempotent; a hosted service calls it.
/// </summary>
public sealed class CloseExpiredConsultations(CoProduceDbContext db, TimeProvider time)
{
    public async Task<LifecycleSweep> HandleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var live = await db.Consultations
            .Where(c => c.Status == ConsultationStatus.Scheduled || c.Status == ConsultationStatus.Open)
            .ToListAsync(cancellationToken);
        int opened = 0, closed = 0;
        foreach (var consultation in live)
        {
            if (consultation.CatchUpWithClock(now))
            {
                if (consultation.Status == ConsultationStatus.Open)
                {
                    opened++;
                }
                else
                {
                    closed++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var finished = new[] { ConsultationStatus.Closed, ConsultationStatus.Analysing, ConsultationStatus.FindingsPublished, ConsultationStatus.Archived };
        var finishedIds = await db.Consultations.Where(c => finished.Contains(c.Status)).Select(c => c.Id).ToListAsync(cancellationToken);
        var deleted = finishedIds.Count == 0
            ? 0
            : await db.Drafts.Where(d => finishedIds.Contains(d.ConsultationId)).ExecuteDeleteAsync(cancellationToken);
        return new LifecycleSweep(opened, closed, deleted);
    }
}
