using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Tests.Execution;
using CoProduce.GraphQL.Tests.Validation;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Tests;

/// <summary>
/// Every message the engine can word has a key in locales/Strings.resx and Strings.cy.resx that formats with its
/// arguments, and every error the engine raises for bad input carries a key whose English is exactly its message.
/// </summary>
public sealed partial class GraphQLMessagesTests
{
    private static readonly Dictionary<string, string> English = LoadResx("Strings.resx");
    private static readonly Dictionary<string, string> Welsh = LoadResx("Strings.cy.resx");

    [Fact]
    public void All_ListsEveryDeclaredTemplate_WithUniqueEngineKeys()
    {
        var declared = typeof(GraphQLMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(MessageTemplate))
            .Select(f => (MessageTemplate)f.GetValue(null)!)
            .ToList();

        Assert.Equal(declared.Count, GraphQLMessages.All.Count);
        Assert.All(declared, template => Assert.Contains(template, GraphQLMessages.All));
        Assert.Equal(GraphQLMessages.All.Count, GraphQLMessages.All.Select(t => t.Key).Distinct().Count());
        Assert.All(GraphQLMessages.All, template => Assert.StartsWith("GraphQL.", template.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryTemplate_IsInBothLocaleFiles()
    {
        var missing = GraphQLMessages.All
            .SelectMany(t => new[] { English.ContainsKey(t.Key) ? null : "Strings.resx: " + t.Key, Welsh.ContainsKey(t.Key) ? null : "Strings.cy.resx: " + t.Key })
            .OfType<string>()
            .ToList();
        Assert.True(missing.Count == 0, "Missing keys:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EnglishLocaleFile_HasTheEngineText()
    {
        var different = GraphQLMessages.All.Where(t => English.GetValueOrDefault(t.Key) != t.English).Select(t => t.Key).ToList();
        Assert.True(different.Count == 0, "Strings.resx differs from GraphQLMessages for:\n" + string.Join("\n", different));
    }

    [Fact]
    public void WelshLocaleFile_FormatsWithTheSameArguments_AndIsTranslated()
    {
        var problems = new List<string>();
        foreach (var template in GraphQLMessages.All)
        {
            var welsh = Welsh.GetValueOrDefault(template.Key) ?? "";
            var arguments = Enumerable.Range(0, template.ArgumentCount).Select(i => (object)$"<arg{i}>").ToArray();
            try
            {
                var text = string.Format(CultureInfo.GetCultureInfo("cy-GB"), welsh, arguments);
                if (arguments.Any(a => !text.Contains((string)a, StringComparison.Ordinal)))
                {
                    problems.Add($"{template.Key}: an argument is not shown");
                }
            }
            catch (FormatException)
            {
                problems.Add($"{template.Key}: does not format with {template.ArgumentCount} arguments");
            }

            if (!Placeholders(welsh).SetEquals(Placeholders(template.English)))
            {
                problems.Add($"{template.Key}: placeholders differ from English");
            }

            if (Words().IsMatch(template.English) && welsh == template.English)
            {
                problems.Add($"{template.Key}: not translated");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static TheoryData<string> BadRequests() =>
    [
        // Syntax.
        "{ a", "{ 'a' }", "{ a(x: 00) }", "{ a(x: 1.) }", "{ a(x: \"\\u12\") }", "{ a(x: \"\\q\") }", "{ a(x: \"abc) }",
        "query { hello(name: $x) } fragment", "{ hello(name: \"x\") } extend", "\"desc\" { hello }", "query Q($v: Int = $w) { hello }",
        "enum E { true }", "#", "{ ...on }",
        // Validation.
        "{ helo }", "{ person { name } }", "{ person(id: 1) }", "{ hello { x } }", "{ hello(nme: \"a\") }",
        "query A { hello } query A { hello }", "{ hello } query B { hello }", "query ($x: Person) { hello }",
        "{ ...F } fragment F on Query { ...F }", "fragment F on Query { hello } { hello }", "{ ...Missing }",
        "query ($x: String) { hello }", "{ hello(name: $y) }", "query Q($x: Int) { hello(name: $x) }",
        "{ hello @skip(if: true) @skip(if: false) }", "{ hello @unknown }", "{ hello @include }",
        "{ a: hello(name: \"x\") a: hello(name: \"y\") }", "{ echo(color: PURPLE) }", "{ echo(filter: { nme: \"a\" }) }",
        "{ echo(pet: { cat: \"a\", dog: \"b\" }) }", "{ person(id: null) { name } }", "subscription { counter(to: 1) broken }",
        "{ person(id: 1) { ... on Dog { barks } } }", "mutation { x } type T { a: Int }",
        // Coercion of variables and arguments, limits, operations.
        "query ($f: PersonFilter) { echo(filter: $f) }|{\"f\":{\"minAge\":\"old\"}}",
        "query ($c: Color) { echo(color: $c) }|{\"c\":\"PURPL\"}",
        "query ($l: [Int!]) { echo(list: $l) }|{\"l\":[1,null]}",
        "query ($id: ID!) { person(id: $id) { name } }|{}",
        "query ($id: ID!) { person(id: $id) { name } }|{\"id\":null}",
        "query A { hello } query B { hello }|",
        // Execution.
        "{ badColor }", "{ badInt }", "{ typeless { id } }", "{ nonNullList }",
    ];

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task EngineError_ForBadRequest_HasAKeyWhoseEnglishIsTheMessage(string request)
    {
        var parts = request.Split('|');
        var variables = parts.Length > 1 && parts[1].Length > 0
            ? ValueCoercion.VariablesFromJson(JsonDocument.Parse(parts[1]).RootElement)
            : null;
        var executor = TestSchema.Executor(ExecutionOptions.Default with { MaskUnexpectedErrors = false });

        var result = await executor.ExecuteAsync(parts[0], variables);

        var engineErrors = result.Errors.Where(e => e.Message is not ("boom" or "nullable boom")).ToList();
        Assert.NotEmpty(engineErrors);
        foreach (var error in engineErrors)
        {
            AssertLocalizable(error);
        }
    }

    [Fact]
    public void EngineErrors_ForEveryValidationCorpusDocument_HaveKeysWhoseEnglishIsTheMessage()
    {
        var count = 0;
        foreach (var file in new[] { "expected.json", "generated.json" })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ValidationTestSchema.ConformanceDirectory, file)));
            foreach (var corpusCase in json.RootElement.GetProperty("cases").EnumerateArray())
            {
                var document = Parser.Parse(corpusCase.GetProperty("document").GetString()!);
                foreach (var error in DocumentValidator.Validate(ValidationTestSchema.Schema, document))
                {
                    AssertLocalizable(error);
                    count++;
                }
            }
        }

        Assert.True(count > 300, $"Only {count} errors checked.");
    }

    [Fact]
    public async Task LimitErrors_HaveKeysWhoseEnglishIsTheMessage()
    {
        var options = ExecutionOptions.Default with { MaxFields = 2, MaxAliases = 1, MaxSelectionDepth = 2, MaxCost = 1 };
        foreach (var query in new[] { "{ hello a: hello b: hello }", "{ a: hello b: hello }", "{ person(id: 1) { bestFriend { name } } }", "{ expensive }" })
        {
            var result = await TestSchema.Executor(options).ExecuteAsync(query);
            AssertLocalizable(Assert.Single(result.Errors));
        }

        var disabled = await TestSchema.Executor(ExecutionOptions.Default with { EnableIntrospection = false })
            .ExecuteAsync("{ __schema { queryType { name } } }");
        AssertLocalizable(Assert.Single(disabled.Errors));
    }

    [Fact]
    public async Task LocalizeMessage_InWelsh_TranslatesNestedSuggestionsAndKeepsNames()
    {
        var result = await TestSchema.Executor().ExecuteAsync("{ helo }");
        var error = Assert.Single(result.Errors);

        Assert.Equal("GraphQL.Validation.FieldNotDefined", error.MessageKey);
        Assert.Equal("Cannot query field \"helo\" on type \"Query\". Did you mean \"hello\"?", error.Message);
        Assert.Equal("Ni ellir holi'r maes \"helo\" ar y math \"Query\". Oeddech chi'n golygu \"hello\"?",
            error.LocalizeMessage(Welsh.GetValueOrDefault, CultureInfo.GetCultureInfo("cy-GB")));
    }

    [Fact]
    public void LocalizeMessage_WithoutATranslation_FallsBackToEnglish_AndResolverMessagesStayAsThrown()
    {
        var error = new GraphQLError(GraphQLMessages.UnknownFragment.With("F"));
        Assert.Equal("Unknown fragment \"F\".", error.LocalizeMessage(_ => null));
        Assert.Equal("Unknown fragment \"F\".", error.LocalizeMessage(_ => "{5} broken"));

        var thrown = new GraphQLError("no name");
        Assert.Null(thrown.MessageKey);
        Assert.Empty(thrown.MessageArguments);
        Assert.Equal("no name", thrown.LocalizeMessage(Welsh.GetValueOrDefault));
    }

    private static void AssertLocalizable(GraphQLError error)
    {
        Assert.True(error.LocalizableMessage is not null, "No key for: " + error.Message);
        Assert.Contains(GraphQLMessages.All, t => t.Key == error.MessageKey);
        Assert.Equal(error.Message, error.LocalizableMessage.Format(English.GetValueOrDefault));
        Assert.Equal(error.Message, error.LocalizeMessage(_ => null));

        var welsh = error.LocalizeMessage(Welsh.GetValueOrDefault, CultureInfo.GetCultureInfo("cy-GB"));
        Assert.NotEqual(error.Message, welsh);
        foreach (var argument in error.MessageArguments.OfType<string>().Where(a => a.Length > 0))
        {
            Assert.Contains(argument, welsh, StringComparison.Ordinal);
        }
    }

    private static HashSet<string> Placeholders(string value) =>
        [.. Placeholder().Matches(value).Select(m => m.Groups[1].Value)];

    private static Dictionary<string, string> LoadResx(string file, [CallerFilePath] string source = "") =>
        XDocument.Load(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "locales", file)).Root!
            .Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");

    [GeneratedRegex(@"(?<!\{)\{(\d+)")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Words();
}
