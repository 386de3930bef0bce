using CoProduce.Core.Common;
using CoProduce.Core.Organisations;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Consultations;

/// <summary>
/// Seeds the demo consultation when it is absent, with its dates moved so that it is open now:
/// opened a week ago, closing in eleven weeks. It belongs to the demo commissioning organisation
/// (<see cref="DemoOrganisation"/>), created first when absent.
/// </summary>
public static class DemoContent
{
    public static readonly TimeSpan OpenedAgo = TimeSpan.FromDays(7);
    public static readonly TimeSpan ClosesIn = TimeSpan.FromDays(77);

    /// <returns>The import result, or null when a consultation with the file's reference already exists.</returns>
    public static async Task<Result<ImportedConsultation>?> SeedAsync(
        CoProduceDbContext db,
        TimeProvider time,
        string definitionPath,
        CancellationToken cancellationToken = default)
    {
        var json = await File.ReadAllTextAsync(definitionPath, cancellationToken);
        var read = ConsultationDefinitionReader.Read(json);
        if (read.IsFailure)
        {
            return Result<ImportedConsultation>.Failure(read.Errors);
        }

        await DemoOrganisation.EnsureAsync(db, cancellationToken);
        var reference = ConsultationReference.Normalise(read.Value.Reference);
        var existing = await db.Consultations.FirstOrDefaultAsync(c => c.Reference == reference, cancellationToken);
        if (existing is not null)
        {
            if (existing.OwnerOrganisationId is null)
            {
                // Seeded before consultations had owners.
                existing.AssignOwner(DemoOrganisation.CommissionerId);
                await db.SaveChangesAsync(cancellationToken);
            }

            return null;
        }

        var now = time.GetUtcNow();
        var opensAt = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) - OpenedAgo + TimeSpan.FromHours(9);
        var closesAt = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + ClosesIn + TimeSpan.FromHours(17);
        var definition = read.Value with
        {
            IssuedOn = DateOnly.FromDateTime(opensAt.UtcDateTime),
            OpensAt = opensAt,
            ClosesAt = closesAt,
        };
        return await new ImportConsultation(db).HandleAsync(definition, DemoOrganisation.CommissionerId, cancellationToken);
    }
}
