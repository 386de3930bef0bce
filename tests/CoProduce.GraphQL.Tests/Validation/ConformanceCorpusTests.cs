using System.Text.Json;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Tests.Validation;

/// <summary>
/// Every document of Conformance/corpus.graphql (written by hand, per rule) and Conformance/generated.json (seeded
/// random documents) must give the same errors — messages, locations and order — as graphql-js 16 gave when
/// Conformance/generate-expected.cjs and generate-random.cjs recorded them.
/// </summary>
public sealed class ConformanceCorpusTests
{
    private static readonly Lazy<Dictionary<string, CorpusCase>> s_cases = new(() => Load("expected.json"));
    private static readonly Lazy<Dictionary<string, CorpusCase>> s_generated = new(() => Load("generated.json"));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in s_cases.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> GeneratedCaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in s_generated.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Validate_CorpusDocument_MatchesGraphQLJs(string name) => AssertMatches(s_cases.Value[name]);

    [Theory]
    [MemberData(nameof(GeneratedCaseNames))]
    public void Validate_GeneratedDocument_MatchesGraphQLJs(string name) => AssertMatches(s_generated.Value[name]);

    private static void AssertMatches(CorpusCase corpusCase)
    {
        var options = corpusCase.MaxErrors is { } max ? new ValidationOptions { MaxErrors = max } : ValidationOptions.Default;
        var errors = DocumentValidator.Validate(ValidationTestSchema.Schema, Parser.Parse(corpusCase.Document), options);

        var expected = corpusCase.Errors.Select(e => Describe(e.Message, e.Locations.Select(l => (l[0], l[1])))).ToList();
        var actual = errors.Select(e => Describe(e.Message, e.Locations.Select(l => (l.Line, l.Column)))).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Corpus_CoversEveryRule_AtLeastOneValidAndOneInvalidDocument()
    {
        var byRule = s_cases.Value.Values.GroupBy(c => c.Name[..c.Name.IndexOf(':', StringComparison.Ordinal)]);
        foreach (var rule in byRule)
        {
            Assert.Contains(rule, c => c.Errors.Length > 0);
        }

        Assert.True(byRule.Count() >= 27, "Expected a group of cases for every rule.");
    }

    private static string Describe(string message, IEnumerable<(int Line, int Column)> locations) =>
        message + " @ " + string.Join(", ", locations.Select(l => $"{l.Line}:{l.Column}"));

    private static Dictionary<string, CorpusCase> Load(string fileName)
    {
        using var stream = File.OpenRead(Path.Combine(ValidationTestSchema.ConformanceDirectory, fileName));
        var file = JsonSerializer.Deserialize<CorpusFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException(fileName + " is empty.");
        return file.Cases.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    private sealed record CorpusFile(string GraphqlVersion, CorpusCase[] Cases);

    private sealed record CorpusCase(string Name, string Document, int? MaxErrors, CorpusError[] Errors);

    private sealed record CorpusError(string Message, int[][] Locations);
}
