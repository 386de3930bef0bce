using System.Globalization;

namespace CoProduce.Server.Localisation;

/// <summary>CLDR plural categories. Key suffixes use the lower-case names, e.g. <c>Questions.Count.few</c>.</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// <summary>
/// Cardinal plural rules from the Unicode CLDR for the languages we ship, for whole numbers
/// (counts are what the service shows). English: one, other. Welsh: zero (0), one (1), two (2),
/// few (3), many (6), other (everything else, e.g. 4, 5, 7, 10, 100).
/// </summary>
public static class PluralRules
{
    private static readonly PluralCategory[] EnglishCategories = [PluralCategory.One, PluralCategory.Other];

    private static readonly PluralCategory[] WelshCategories =
        [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other];

    /// <summary>The category a count falls into in the culture's language.</summary>
    public static PluralCategory Select(CultureInfo culture, long count)
    {
        var n = Math.Abs(count);
        if (Cultures.IsWelsh(culture))
        {
            return n switch
            {
                0 => PluralCategory.Zero,
                1 => PluralCategory.One,
                2 => PluralCategory.Two,
                3 => PluralCategory.Few,
                6 => PluralCategory.Many,
                _ => PluralCategory.Other,
            };
        }
        return n == 1 ? PluralCategory.One : PluralCategory.Other;
    }

    /// <summary>Every category the culture's language distinguishes; a plural key needs a string for each.</summary>
    public static IReadOnlyList<PluralCategory> CategoriesFor(CultureInfo culture) =>
        Cultures.IsWelsh(culture) ? WelshCategories : EnglishCategories;

    /// <summary>The resource key suffix for a category, e.g. <c>few</c>.</summary>
    public static string Suffix(PluralCategory category) => category switch
    {
        PluralCategory.Zero => "zero",
        PluralCategory.One => "one",
        PluralCategory.Two => "two",
        PluralCategory.Few => "few",
        PluralCategory.Many => "many",
        _ => "other",
    };

    /// <summary>Parses a key suffix back into a category; false for a key that is not a plural form.</summary>
    public static bool TryParseSuffix(string suffix, out PluralCategory category)
    {
        foreach (var candidate in WelshCategories)
        {
            if (Suffix(candidate) == suffix)
            {
                category = candidate;
                return true;
            }
        }
        category = PluralCategory.Other;
        return false;
    }
}
