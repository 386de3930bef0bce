using System.Xml.Linq;
using CoProduce.Core.Common;

namespace CoProduce.Core.Tests;

public sealed class LocalisationKeysTests
{
    private static Dictionary<string, string> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "locales", file);
        return XDocument.Load(path).Root!.Elements("data") // A resx file always has a root element.
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");
    }

    [Theory]
    [InlineData("Strings.resx")]
    [InlineData("Strings.cy.resx")]
    public void ErrorCodes_EveryCode_HasNonEmptyMessage(string file)
    {
        var strings = Load(file);

        Assert.All(ErrorCodes.All, code => Assert.False(string.IsNullOrWhiteSpace(strings.GetValueOrDefault(code)), $"{code} missing in {file}"));
    }

    [Fact]
    public void ErrorKeys_InResourceFiles_AreAllCodesAndWelshDiffersFromEnglish()
    {
        var english = Load("Strings.resx").Where(kv => kv.Key.StartsWith("Error.", StringComparison.Ordinal)).ToDictionary();
        var welsh = Load("Strings.cy.resx").Where(kv => kv.Key.StartsWith("Error.", StringComparison.Ordinal)).ToDictionary();

        Assert.Equal(english.Keys.Order(), welsh.Keys.Order());
        Assert.All(english, kv => Assert.NotEqual(kv.Value, welsh[kv.Key]));
    }

    [Fact]
    public void ErrorMessages_Placeholders_MatchBetweenLanguages()
    {
        var english = Load("Strings.resx");
        var welsh = Load("Strings.cy.resx");

        foreach (var code in ErrorCodes.All)
        {
            var placeholders = (string s) => System.Text.RegularExpressions.Regex.Matches(s, @"\{\d\}").Select(m => m.Value).Order().ToArray();
            Assert.Equal(placeholders(english[code]), placeholders(welsh[code]));
        }
    }
}
