using CoProduce.Core.Workshops;
using CoProduce.Server.Documents;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Staff.Workshops;

/// <summary>
/// A workshop's record for its facilitators, administrators and the owning organisation's staff:
/// a printable page, a Word document and JSON, in the page's language (<c>/cy/…</c> for Welsh).
/// Counts are suppressed as <see cref="GetWorkshopRecord"/> decides; anyone else is told it is not found.
/// </summary>
public sealed class RecordModel(ICurrentStaff staff, GetWorkshopRecord get, Text text) : PageModel
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [FromRoute]
    public Guid Id { get; set; }

    public WorkshopRecord? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? File(WorkshopRecordDocx.Build(Record!, text), DocxContentType, RecordText.FileName(Record!, $"{text.LanguageTag}.docx")); // Set when LoadAsync returns null.

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? File(WorkshopRecordJson.Write(Record!), "application/json", RecordText.FileName(Record!, "json")); // Set when LoadAsync returns null.

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        var record = await get.HandleAsync(actor, new WorkshopId(Id), cancellationToken);
        if (!record.TryGetValue(out var r))
        {
            return NotFound();
        }

        Record = r;
        return null;
    }
}
