using CoProduce.Core.Common;
using CoProduce.Core.Organisations;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Consultations;

public sealed record ImportedConsultation(ConsultationId Id, string Reference, ConsultationStatus Status);

/// <summary>
/// Creates a consultation from a definition file. Errors carry the JSON path and line/column. A
/// published definition becomes scheduled (or awaits approval when approval is required) and opens
/// by itself at its opening time; otherwise it stays a draft.
/// </summary>
public sealed class ImportConsultation(CoProduceDbContext db)
{
    /// <summary>Import from the JSON text of a definition file.</summary>
    /// <param name="owner">The organisation that will own it (its commissioners manage it).</param>
    public async Task<Result<ImportedConsultation>> HandleAsync(string json, OrganisationId? owner = null, CancellationToken cancellationToken = default)
    {
        var read = ConsultationDefinitionReader.Read(json);
        if (read.IsFailure)
        {
            return Result<ImportedConsultation>.Failure(read.Errors);
        }

        var result = await HandleAsync(read.Value, owner, cancellationToken);
        if (result.IsSuccess)
        {
            return result;
        }

        var positions = JsonPositions.Index(json);
        return Result<ImportedConsultation>.Failure(result.Errors.Select(e => e with { Position = e.Position ?? positions.Find(e.Path ?? "$") }).ToArray());
    }

    /// <summary>Import a definition already read (and, for safety, validated again here).</summary>
    public async Task<Result<ImportedConsultation>> HandleAsync(ConsultationDefinition definition, OrganisationId? owner = null, CancellationToken cancellationToken = default)
    {
        var errors = ConsultationDefinitionReader.Validate(definition).ToList();
        var known = await db.FormsOfViolence.AsNoTracking().Select(f => f.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < definition.FormsOfViolence.Count; i++)
        {
            if (!known.Contains(definition.FormsOfViolence[i]))
            {
                errors.Add(new Error(ErrorCodes.ImportUnknownFormOfViolence, $"$.formsOfViolence[{i}]", [definition.FormsOfViolence[i]]));
            }
        }

        var reference = ConsultationReference.Normalise(definition.Reference);
        if (reference is not null && await db.Consultations.AnyAsync(c => c.Reference == reference, cancellationToken))
        {
            errors.Add(new Error(ErrorCodes.ImportDuplicateReference, "$.reference", [reference]));
        }

        if (owner is { } organisation && !await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken))
        {
            errors.Add(new Error(ErrorCodes.ImportUnknownOrganisation, null, [organisation.ToString()]));
        }

        if (errors.Count > 0 || reference is null)
        {
            return Result<ImportedConsultation>.Failure(errors);
        }

        var consultation = new Consultation(
            ConsultationId.New(),
            reference,
            definition.ToDetails(),
            definition.Questionnaire,
            definition.IssuedOn,
            definition.OpensAt,
            definition.ClosesAt,
            definition.Audience,
            definition.Jurisdiction,
            definition.Phase,
            definition.RequiresApproval,
            owner);
        if (definition.Publish)
        {
            var published = definition.RequiresApproval ? consultation.SubmitForApproval() : consultation.Schedule();
            if (published.IsFailure)
            {
                throw new InvalidOperationException($"A new consultation could not be published: {published.FirstError}.");
            }
        }

        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportedConsultation(consultation.Id, consultation.Reference, consultation.Status);
    }
}
