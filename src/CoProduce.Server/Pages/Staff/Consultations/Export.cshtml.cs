using System.Text;
using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>Downloads the consultation's definition file (the import format).</summary>
public sealed class ExportModel(Text text, ExportConsultation export) : AuthoringPageModel(text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var exported = await export.HandleAsync(Actor, new ConsultationId(id), ct);
        if (exported.IsFailure)
        {
            return Refusal(exported.Errors) ?? NotFound();
        }

        return File(Encoding.UTF8.GetBytes(exported.Value.Json), "application/json", exported.Value.FileName);
    }
}
