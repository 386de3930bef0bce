using CoProduce.Core.Common;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Consultations;

/// <summary>
/// A published consultation by its reference (case-insensitive) or id. Drafts and consultations awaiting
/// approval are not found. Use <see cref="Consultation.StatusAt"/> / <see cref="Consultation.IsAcceptingResponses"/>
/// with the current time to decide what to show. The consultation is shared and read-only (see
/// <see cref="ConsultationCache"/>).
/// </summary>
public sealed class GetConsultation(CoProduceDbContext db, ConsultationCache consultations)
{
    public async Task<Result<Consultation>> HandleAsync(string reference, CancellationToken cancellationToken = default)
    {
        var normalised = ConsultationReference.Normalise(reference);
        if (normalised is null)
        {
            return new Error(ErrorCodes.ConsultationNotFound, "reference");
        }

        var consultation = await consultations.GetByReferenceAsync(db, normalised, cancellationToken);
        return consultation is { IsPublished: true } ? consultation : new Error(ErrorCodes.ConsultationNotFound, "reference");
    }

    /// <summary>A published consultation by its id.</summary>
    public async Task<Result<Consultation>> HandleAsync(ConsultationId id, CancellationToken cancellationToken = default)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return consultation is { IsPublished: true } ? consultation : new Error(ErrorCodes.ConsultationNotFound, "id");
    }
}

/// <summary>Consultation references: 2–32 letters, digits and hyphens, stored upper-case (e.g. <c>WG12345</c>).</summary>
public static class ConsultationReference
{
    public const int MaxLength = 32;

    public static string? Normalise(string? reference)
    {
        var trimmed = reference?.Trim().ToUpperInvariant();
        return trimmed is { Length: >= 2 and <= MaxLength } && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? trimmed
            : null;
    }
}
