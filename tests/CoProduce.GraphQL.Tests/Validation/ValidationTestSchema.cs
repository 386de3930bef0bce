using System.Runtime.CompilerServices;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Tests.Validation;

/// <summary>The pets-and-people schema the validation tests run against (Conformance/schema.graphql).</summary>
internal static class ValidationTestSchema
{
    private static readonly Lazy<Schema> s_schema = new(() => SchemaBuilder.FromSdl(File.ReadAllText(SchemaPath)));

    /// <summary>The test data folder, found from this source file (the data stays out of the project file).</summary>
    public static string ConformanceDirectory { get; } = Path.Combine(SourceDirectory(), "Conformance");

    public static string SchemaPath => Path.Combine(ConformanceDirectory, "schema.graphql");

    public static Schema Schema => s_schema.Value;

    public static IReadOnlyList<GraphQLError> Validate(string document, ValidationOptions? options = null) =>
        DocumentValidator.Validate(Schema, Parser.Parse(document), options);

    /// <summary>Asserts the document has no validation errors.</summary>
    public static void ExpectValid(string document)
    {
        var errors = Validate(document);
        Assert.True(errors.Count == 0, "Expected no errors but got: " + string.Join("; ", errors));
    }

    /// <summary>Asserts exactly one error, with this message and these locations (line, column pairs).</summary>
    public static void ExpectError(string document, string message, params (int Line, int Column)[] locations) =>
        ExpectErrors(document, (message, locations));

    /// <summary>Asserts exactly these errors, in this order.</summary>
    public static void ExpectErrors(string document, params (string Message, (int Line, int Column)[] Locations)[] expected)
    {
        var errors = Validate(document);
        var actual = errors.Select(Describe).ToList();
        var wanted = expected.Select(e => Describe(e.Message, e.Locations)).ToList();
        Assert.Equal(wanted, actual);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? throw new InvalidOperationException("No source path.");

    private static string Describe(GraphQLError error) =>
        Describe(error.Message, error.Locations.Select(l => (l.Line, l.Column)));

    private static string Describe(string message, IEnumerable<(int Line, int Column)> locations) =>
        message + " @ " + string.Join(", ", locations.Select(l => $"{l.Line}:{l.Column}"));
}
