using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="FileName">A suggested file name, e.g. <c>wg12345.json</c>.</param>
/// <param name="Json">The definition file (docs/consultation-definitions.md), with <c>"publish": false</c>.</param>
public sealed record ExportedConsultation(string FileName, string Json);

/// <summary>The consultation as a definition file, which the import command and page read back.</summary>
public sealed class ExportConsultation(ConsultationAccess access)
{
    public async Task<Result<ExportedConsultation>> HandleAsync(StaffActor actor, ConsultationId id, CancellationToken ct = default)
    {
        var found = await access.AuthorizeAsync(actor, id, ConsultationPermission.View, ct);
        if (found.IsFailure)
        {
            return Result<ExportedConsultation>.Failure(found.Errors);
        }

        var json = ConsultationDefinitionWriter.Write(ConsultationDefinitionWriter.Export(found.Value));
        return new ExportedConsultation($"{found.Value.Reference.ToLowerInvariant()}.json", json);
    }
}
