using System.Globalization;
using System.Text.Json.Serialization;

namespace CoProduce.Core.Consultations;

/// <summary>
/// Authored text in English and Welsh. Both are required: Welsh must not be treated less favourably.
/// </summary>
public sealed record LocalizedText(string En, string Cy)
{
    /// <summary>The text for a UI culture: Welsh for <c>cy</c>/<c>cy-GB</c>, English otherwise.</summary>
    public string Get(CultureInfo culture) => IsWelsh(culture) ? Cy : En;

    /// <summary>The text for the current UI culture.</summary>
    [JsonIgnore]
    public string Current => Get(CultureInfo.CurrentUICulture);

    public override string ToString() => Current;

    private static bool IsWelsh(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("cy", StringComparison.OrdinalIgnoreCase);
}
