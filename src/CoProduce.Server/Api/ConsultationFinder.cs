using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Api;

/// <summary>
/// Finds the consultation of <c>Query.consultation</c>: published ones for everyone (the <see cref="GetConsultation"/>
/// use case), and for staff whatever <see cref="ConsultationAccess"/> lets them view. Null when there is none the
/// caller may see, so that an unpublished consultation's existence is not revealed.
/// </summary>
public sealed class ConsultationFinder(GetConsultation getConsultation, ConsultationAccess access, CoProduceDbContext db)
{
    public async Task<Consultation?> FindAsync(StaffActor? actor, string? id, string? reference, CancellationToken cancellationToken)
    {
        ConsultationId? key = id is null ? null : Guid.TryParse(id, out var guid) ? new ConsultationId(guid) : null;
        if (id is not null && key is null)
        {
            return null;
        }

        if (actor is not null)
        {
            if (key is null && ConsultationReference.Normalise(reference) is { } normalised)
            {
                var found = await db.Consultations.AsNoTracking().Where(c => c.Reference == normalised).Select(c => (ConsultationId?)c.Id).SingleOrDefaultAsync(cancellationToken);
                key = found;
            }

            return key is { } staffKey && (await access.AuthorizeAsync(actor, staffKey, ConsultationPermission.View, cancellationToken)).TryGetValue(out var visible)
                ? visible
                : null;
        }

        var result = key is { } publicKey
            ? await getConsultation.HandleAsync(publicKey, cancellationToken)
            : await getConsultation.HandleAsync(reference ?? "", cancellationToken);
        return result.TryGetValue(out var published) ? published : null;
    }
}
