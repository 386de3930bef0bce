using CoProduce.Core.Common;
using CoProduce.Core.Consultations;

namespace CoProduce.Core.Workshops;

/// <summary>Validation of the bilingual text facilitators author.</summary>
internal static class WorkshopText
{
    public const int MaxTitle = 200;
    public const int MaxLong = 4000;

    /// <summary>Both languages present and within <paramref name="max"/>; adds errors at <paramref name="path"/>.</summary>
    public static LocalizedText? Required(LocalizedText? text, string path, int max, List<Error> errors)
    {
        var en = ShortTextOrLong(text?.En);
        var cy = ShortTextOrLong(text?.Cy);
        if (en.Length == 0 || cy.Length == 0)
        {
            errors.Add(new Error(ErrorCodes.WorkshopTextMissing, path));
            return null;
        }

        if (en.Length > max || cy.Length > max)
        {
            errors.Add(new Error(ErrorCodes.WorkshopTextTooLong, path, [max]));
            return null;
        }

        return new LocalizedText(en, cy);
    }

    /// <summary>Absent (both empty) is fine; otherwise as <see cref="Required"/>.</summary>
    public static LocalizedText? Optional(LocalizedText? text, string path, int max, List<Error> errors) =>
        string.IsNullOrWhiteSpace(text?.En) && string.IsNullOrWhiteSpace(text?.Cy) ? null : Required(text, path, max, errors);

    // Long authored text keeps its line breaks (paragraphs); only surrounding space is trimmed.
    private static string ShortTextOrLong(string? value) => (value ?? "").Trim();
}
