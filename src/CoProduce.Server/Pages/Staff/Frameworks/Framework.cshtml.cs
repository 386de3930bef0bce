using System.Text.Json;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Storage;
using CoProduce.Server.Documents;
using CoProduce.Server.Localisation;
using CoProduce.Server.Pages.Staff.Workshops;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Pages.Staff.Frameworks;

/// <summary>
/// An outcome framework as a document (HTML, in the page's language, with the Welsh well-being
/// mapping), any earlier version of it, its version history, and DOCX and JSON downloads.
/// </summary>
public sealed class FrameworkModel(ICurrentStaff staff, GetOutcomeFramework get, CoProduceDbContext db, Text text) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery]
    public int? Version { get; set; }

    public FrameworkView? View { get; private set; }

    public IReadOnlyDictionary<string, WellbeingReferenceItem> Reference { get; private set; } = new Dictionary<string, WellbeingReferenceItem>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        return loaded ?? Page();
    }

    /// <summary>The framework as JSON (the same document the history keeps), for other tools.</summary>
    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not null || View is null)
        {
            return loaded ?? NotFound();
        }

        var document = new
        {
            id = View.Framework.Id.Value,
            title = View.Framework.Title,
            jurisdiction = View.Framework.Jurisdiction.ToString(),
            version = View.Version,
            outcomes = View.Document.Outcomes,
            wellbeingReference = Reference.Values.OrderBy(r => r.Kind).ThenBy(r => r.SortOrder),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(document, StorageJson.Options);
        return File(json, "application/json", $"outcome-framework-v{View.Version}.json");
    }

    /// <summary>The framework as a Word document in the page's language (<c>/cy/…</c> for Welsh).</summary>
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not null || View is null)
        {
            return loaded ?? NotFound();
        }

        return File(FrameworkDocx.Build(View, Reference, text), RecordModel.DocxContentType, FrameworkDocx.FileName(View, $"{text.LanguageTag}.docx"));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        var view = await get.HandleAsync(actor, new OutcomeFrameworkId(Id), Version, cancellationToken);
        if (!view.TryGetValue(out var v))
        {
            return NotFound();
        }

        View = v;
        Reference = (await db.WellbeingReference.AsNoTracking().ToListAsync(cancellationToken)).Select(r => r.ToDomain()).ToDictionary(r => r.Code);
        return null;
    }
}
