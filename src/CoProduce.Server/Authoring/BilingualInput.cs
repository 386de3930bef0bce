using CoProduce.Core.Consultations;

namespace CoProduce.Server.Authoring;

/// <summary>A text field posted in English and Welsh side by side (<c>Name.En</c>, <c>Name.Cy</c>).</summary>
public sealed class BilingualInput
{
    public string? En { get; set; }

    public string? Cy { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(En) && string.IsNullOrWhiteSpace(Cy);

    /// <summary>A required text; a language left empty stays empty for the readiness check to list.</summary>
    public LocalizedText ToText() => new(Clean(En), Clean(Cy));

    /// <summary>An optional text: null when both languages are empty.</summary>
    public LocalizedText? ToOptional() => IsEmpty ? null : ToText();

    public static BilingualInput From(LocalizedText? text) => new() { En = text?.En, Cy = text?.Cy };

    private static string Clean(string? value) => (value ?? "").Trim().ReplaceLineEndings("\n");
}
