using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoProduce.GraphQL.AspNetCore.Tests.Infrastructure;
using static CoProduce.GraphQL.AspNetCore.Tests.Infrastructure.GraphQLHttp;

namespace CoProduce.GraphQL.AspNetCore.Tests;

/// <summary>The transport's own messages have keys in both locale files, so hosts can answer in Welsh.</summary>
public sealed partial class GraphQLHttpMessagesTests
{
    private static readonly Dictionary<string, string> English = LoadResx("Strings.resx");
    private static readonly Dictionary<string, string> Welsh = LoadResx("Strings.cy.resx");

    [Fact]
    public void All_ListsEveryDeclaredTemplate_WithUniqueHttpKeys()
    {
        var declared = typeof(GraphQLHttpMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(MessageTemplate))
            .Select(f => (MessageTemplate)f.GetValue(null)!) // static fields of that type are never null
            .ToList();

        Assert.Equal(declared.Count, GraphQLHttpMessages.All.Count);
        Assert.All(declared, template => Assert.Contains(template, GraphQLHttpMessages.All));
        Assert.Equal(declared.Count, declared.Select(t => t.Key).Distinct().Count());
        Assert.All(declared, template => Assert.StartsWith("GraphQL.Http.", template.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void LocaleFiles_HaveEveryKey_EnglishAsWordedAndWelshWithTheSamePlaceholders()
    {
        foreach (var template in GraphQLHttpMessages.All)
        {
            Assert.True(English.TryGetValue(template.Key, out var english), "Strings.resx lacks " + template.Key);
            Assert.True(Welsh.TryGetValue(template.Key, out var welsh), "Strings.cy.resx lacks " + template.Key);
            Assert.Equal(template.English, english);
            Assert.NotEqual(english, welsh);
            Assert.Equal(Placeholders(english), Placeholders(welsh));
        }
    }

    [Fact]
    public async Task TransportError_CarriesKeyAndArguments_ForTheLocalizeHook()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.LocalizeError = (error, _) =>
            error.LocalizeMessage(key => Welsh.GetValueOrDefault(key), CultureInfo.GetCultureInfo("cy")));
        using var response = await server.CreateClient().SendAsync(Post("""{"query": 1}"""));

        Assert.Equal("Rhaid i'r paramedr \"query\" fod yn llinyn.", (await response.JsonAsync()).FirstErrorMessage());
    }

    [Fact]
    public async Task MaskedError_CarriesTheEngineKey()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.LocalizeError = (error, _) => error.MessageKey ?? "none");
        using var response = await server.CreateClient().SendAsync(PostQuery("{ fail }"));

        Assert.Equal("GraphQL.Request.UnexpectedError", (await response.JsonAsync()).FirstErrorMessage());
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> LoadResx(string file, [CallerFilePath] string source = "") =>
        XDocument.Load(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "locales", file)).Root!
            .Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");

    [GeneratedRegex(@"(?<!\{)\{\d+\}")]
    private static partial Regex Placeholder();
}
