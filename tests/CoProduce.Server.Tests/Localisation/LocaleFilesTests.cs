using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoProduce.Server.Localisation;
using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Localisation;

/// <summary>Every UI string exists in English and Welsh, and every plural has the forms its language needs.</summary>
public sealed partial class LocaleFilesTests
{
    private static readonly Dictionary<string, string> English = Load("Strings.resx");
    private static readonly Dictionary<string, string> Welsh = Load("Strings.cy.resx");

    [Fact]
    public void EnglishKeys_AllHaveWelsh()
    {
        var missing = English.Keys.Except(Welsh.Keys).ToList();
        Assert.True(missing.Count == 0 || Fail("Missing in Strings.cy.resx", missing));
    }

    [Fact]
    public void WelshKeys_AllHaveEnglish()
    {
        var missing = Welsh.Keys.Except(English.Keys).ToList();
        Assert.True(missing.Count == 0 || Fail("Missing in Strings.resx", missing));
    }

    [Fact]
    public void Values_InBothLanguages_AreNotEmpty()
    {
        var empty = English.Concat(Welsh).Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key).ToList();
        Assert.True(empty.Count == 0 || Fail("Empty values", empty));
    }

    [Fact]
    public void PluralKeys_HaveEveryCategoryEachLanguageNeeds()
    {
        var problems = new List<string>();
        foreach (var (file, strings, culture) in new[] { ("Strings.resx", English, CultureInfo.GetCultureInfo("en-GB")), ("Strings.cy.resx", Welsh, CultureInfo.GetCultureInfo("cy-GB")) })
        {
            foreach (var baseKey in PluralBases(strings.Keys))
            {
                foreach (var category in PluralRules.CategoriesFor(culture))
                {
                    var key = baseKey + "." + PluralRules.Suffix(category);
                    if (!strings.ContainsKey(key))
                    {
                        problems.Add($"{file}: {key}");
                    }
                }
            }
        }
        Assert.True(problems.Count == 0 || Fail("Plural forms missing", problems));
    }

    [Fact]
    public void Placeholders_MatchBetweenLanguages()
    {
        var problems = English.Keys.Intersect(Welsh.Keys)
            .Where(key => !Placeholders(English[key]).SetEquals(Placeholders(Welsh[key])))
            .ToList();
        Assert.True(problems.Count == 0 || Fail("Different {n} placeholders", problems));
    }

    [Fact]
    public void KeysUsedInPages_AllExist()
    {
        var pages = Directory.EnumerateFiles(Repository.PathOf("src", "CoProduce.Server"), "*.cshtml", SearchOption.AllDirectories)
            .Where(path => !path.Contains("node_modules", StringComparison.Ordinal));
        var missing = new List<string>();
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            foreach (Match match in KeyUse().Matches(text))
            {
                var key = match.Groups["key"].Value;
                var plural = match.Groups["plural"].Success;
                var present = plural ? PluralBases(English.Keys).Contains(key) : English.ContainsKey(key);
                if (!present)
                {
                    missing.Add($"{Path.GetFileName(page)}: {key}");
                }
            }
        }
        Assert.True(missing.Count == 0 || Fail("Keys used in pages but missing from locales/", missing));
    }

    [Fact]
    public void EmbeddedStrings_InWelsh_ComeFromTheWelshFile()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("cy-GB");
            var text = new Text(new ResxStringLocalizer());
            Assert.Equal(Welsh["Footer.Cookies"], text["Footer.Cookies"]);
            Assert.Equal("3 munud", text.Plural("Common.Minutes", 3));
            Assert.Equal("2 funud", text.Plural("Common.Minutes", 2));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal(English["Footer.Cookies"], text["Footer.Cookies"]);
            Assert.Equal("1 minute", text.Plural("Common.Minutes", 1));
            Assert.Equal("3 minutes", text.Plural("Common.Minutes", 3));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static HashSet<string> PluralBases(IEnumerable<string> keys) =>
        keys.Select(key => (key, dot: key.LastIndexOf('.')))
            .Where(k => k.dot > 0 && PluralRules.TryParseSuffix(k.key[(k.dot + 1)..], out _))
            .Select(k => k.key[..k.dot])
            .ToHashSet();

    private static HashSet<string> Placeholders(string value) =>
        [.. Regex.Matches(value, @"\{(\d+)").Select(m => m.Groups[1].Value)];

    // A .resx always has a root element and every <data> a name; a file without them should crash the test.
    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Repository.PathOf("locales", file)).Root!
            .Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");

    private static bool Fail(string what, IEnumerable<string> items) =>
        throw new Xunit.Sdk.XunitException(what + ":\n  " + string.Join("\n  ", items));

    [GeneratedRegex("""T(?:\[|\.Format\(|(?<plural>\.Plural\())"(?<key>[A-Za-z0-9_.]+)"\s*[\],)]""")]
    private static partial Regex KeyUse();
}
