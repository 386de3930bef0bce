using CoProduce.Core.Consultations;

namespace CoProduce.Server.Api;

/// <summary>
/// Finds the consultation of <c>Query.consultation</c>: published ones for everyone (through the
/// <see cref="GetConsultation"/> use case). Null when there is none the caller may see, so that an
/// unpublished consultation's existence is not revealed.
/// </summary>
public sealed class ConsultationFinder(GetConsultation getConsultation)
{
    public async Task<Consultation?> FindAsync(string? id, string? reference, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            return Guid.TryParse(id, out var guid)
                && (await getConsultation.HandleAsync(new ConsultationId(guid), cancellationToken)).TryGetValue(out var byId)
                ? byId
                : null;
        }

        return reference is not null && (await getConsultation.HandleAsync(reference, cancellationToken)).TryGetValue(out var byReference)
            ? byReference
            : null;
    }
}
