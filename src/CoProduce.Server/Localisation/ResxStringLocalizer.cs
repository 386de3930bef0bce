using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace CoProduce.Server.Localisation;

/// <summary>
/// Reads <c>locales/Strings.resx</c> (English, embedded in this assembly) and <c>locales/Strings.cy.resx</c>
/// (Welsh, in the <c>cy</c> satellite assembly) for the current UI culture.
/// </summary>
public sealed class ResxStringLocalizer : IStringLocalizer
{
    /// <summary>The manifest name the csproj gives the embedded strings.</summary>
    public const string BaseName = "CoProduce.Server.Localisation.Strings";

    public static ResourceManager Resources { get; } = new(BaseName, typeof(ResxStringLocalizer).Assembly);

    public LocalizedString this[string name]
    {
        get
        {
            var value = Resources.GetString(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null, searchedLocation: BaseName);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(
                name,
                string.Format(CultureInfo.CurrentCulture, format.Value, arguments),
                format.ResourceNotFound,
                BaseName);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var culture = CultureInfo.CurrentUICulture;
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: includeParentCultures);
        if (set is null)
        {
            yield break;
        }
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                yield return new LocalizedString(key, value, resourceNotFound: false, BaseName);
            }
        }
    }
}
