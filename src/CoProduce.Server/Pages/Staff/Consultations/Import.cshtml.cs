using System.Globalization;
using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Server.Authoring;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>Imports a definition file (an export, or one written by hand) as a draft.</summary>
public sealed class ImportModel(Text text, ImportConsultationDefinition import) : AuthoringPageModel(text)
{
    /// <summary>Definition files are small; anything larger is refused before it is read.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Json { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var json = Json;
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > MaxFileBytes)
            {
                AddError("Upload", "Authoring.Import.TooLarge");
                return Page();
            }

            using var reader = new StreamReader(file.OpenReadStream());
            json = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            AddError("Upload", "Authoring.Import.Missing");
            return Page();
        }

        Json = json;
        var imported = await import.HandleAsync(Actor, new ImportConsultationDefinitionRequest(json, string.IsNullOrWhiteSpace(Reference) ? null : Reference), ct);
        if (imported.IsSuccess)
        {
            return RedirectToPage(AuthoringPages.Overview, new { id = imported.Value.Id.Value });
        }

        if (Refusal(imported.Errors) is { } refused)
        {
            return refused;
        }

        foreach (var error in imported.Errors)
        {
            var message = FieldError.From(error, T).Message;
            var where = error.Position is { } p
                ? T.Format("Authoring.Import.At", p.Line.ToString(CultureInfo.CurrentCulture), p.Column.ToString(CultureInfo.CurrentCulture), error.Path ?? "$")
                : error.Path ?? "";
            Errors.Add(new FieldError(error.Path == "$.reference" ? "Reference" : "Json", $"{where} {message}".Trim()));
        }

        return Page();
    }
}
