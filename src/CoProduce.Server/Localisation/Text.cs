using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CoProduce.Server.Localisation;

/// <summary>
/// What pages use for every word they show: <c>@T["Key"]</c>, <c>@T.Format("Key", arg)</c>,
/// <c>@T.Plural("Questions.Count", n)</c>, <c>@T.Date(date)</c>. The culture is the request's
/// (English, or Welsh under <c>/cy</c>).
/// </summary>
public sealed class Text(IStringLocalizer localizer)
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public bool IsWelsh => Cultures.IsWelsh(Culture);

    /// <summary>The <c>lang</c> attribute value of the current language: <c>en</c> or <c>cy</c>.</summary>
    public string LanguageTag => Cultures.LanguageTag(Culture);

    /// <summary>The string for <paramref name="key"/>; a missing key shows the key itself, and the locale tests fail.</summary>
    public string this[string key] => localizer[key].Value;

    /// <summary>The string for <paramref name="key"/> with <c>{0}</c>, <c>{1}</c>… filled in the current culture.</summary>
    public string Format(string key, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, this[key], arguments);

    /// <summary>
    /// The plural form of <paramref name="key"/> for <paramref name="count"/>: looks up
    /// <c>key.zero|one|two|few|many|other</c> by the language's CLDR rules. In the string, <c>{0}</c> is
    /// the count formatted for the culture and <c>{1}</c>… are <paramref name="arguments"/>.
    /// </summary>
    public string Plural(string key, long count, params object?[] arguments)
    {
        var category = PluralRules.Select(Culture, count);
        var form = localizer[key + "." + PluralRules.Suffix(category)];
        if (form.ResourceNotFound)
        {
            form = localizer[key + "." + PluralRules.Suffix(PluralCategory.Other)];
        }
        object?[] all = [Number(count), .. arguments];
        return string.Format(CultureInfo.CurrentCulture, form.Value, all);
    }

    /// <summary>A whole number with the culture's grouping, e.g. 1,234.</summary>
    public string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A date in words, e.g. "3 March 2027" / "3 Mawrth 2027".</summary>
    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The date of a moment as given; convert it to UK time first if it is in UTC.</summary>
    public string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(moment.DateTime));
}
