using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Authoring;

/// <param name="Json">A definition file (docs/consultation-definitions.md), e.g. an export.</param>
/// <param name="Reference">Imports under this reference instead of the file's (to copy a consultation).</param>
public sealed record ImportConsultationDefinitionRequest(string Json, string? Reference = null);

/// <summary>
/// Imports a definition file as a <b>draft</b> owned by the actor's organisation, whatever its
/// <c>publish</c> says: from the pages and the API a consultation is published only through the
/// lifecycle actions (readiness check, approval). Errors carry the file's JSON path and line/column.
/// </summary>
public sealed class ImportConsultationDefinition(CoProduceDbContext db, ImportConsultation import, IAuditLog audit)
{
    public async Task<Result<Consultation>> HandleAsync(StaffActor actor, ImportConsultationDefinitionRequest request, CancellationToken ct = default)
    {
        if (!actor.Has(StaffRoles.Commissioner) && !actor.Has(StaffRoles.Administrator))
        {
            return new Error(ErrorCodes.Forbidden);
        }

        var read = ConsultationDefinitionReader.Read(request.Json);
        if (read.IsFailure)
        {
            return Result<Consultation>.Failure(read.Errors);
        }

        var definition = read.Value with { Publish = false };
        if (!string.IsNullOrWhiteSpace(request.Reference))
        {
            definition = definition with { Reference = request.Reference };
        }

        // The import and its audit entry commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var imported = await import.HandleAsync(definition, actor.OrganisationId, ct);
        if (imported.IsFailure)
        {
            var positions = JsonPositions.Index(request.Json);
            return Result<Consultation>.Failure(imported.Errors.Select(e => e with { Position = e.Position ?? positions.Find(e.Path ?? "$") }).ToArray());
        }

        var consultation = await db.Consultations.SingleAsync(c => c.Id == imported.Value.Id, ct);
        await audit.RecordAsync(actor, AuthoringAuditActions.Import, AuditActions.SubjectConsultation, consultation.Id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return consultation;
    }
}
