using System.Globalization;

namespace CoProduce.Server.Localisation;

/// <summary>The two languages of the service and how each appears in URLs and markup.</summary>
public static class Cultures
{
    /// <summary>English (United Kingdom): the default, served without a path prefix.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Welsh (United Kingdom): served under the <c>/cy</c> path prefix.</summary>
    public static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo("cy-GB");

    /// <summary>The path segment that selects Welsh, e.g. <c>/cy/help/staying-safe-online</c>.</summary>
    public const string WelshPathSegment = "cy";

    public static IReadOnlyList<CultureInfo> Supported { get; } = [English, Welsh];

    /// <summary>True when <paramref name="culture"/> is Welsh, whatever its region.</summary>
    public static bool IsWelsh(CultureInfo culture) => culture.TwoLetterISOLanguageName == "cy";

    /// <summary>The value for <c>lang</c> and <c>hreflang</c> attributes: <c>en</c> or <c>cy</c>.</summary>
    public static string LanguageTag(CultureInfo culture) => IsWelsh(culture) ? "cy" : "en";
}
