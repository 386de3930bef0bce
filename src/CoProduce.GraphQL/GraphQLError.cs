using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL;

/// <summary>
/// An error as the GraphQL response format describes it: a message, the locations in the document it concerns,
/// for execution errors the response path, and optional extensions. Syntax, validation, schema and execution
/// errors all use this shape.
/// </summary>
public sealed record GraphQLError(string Message)
{
    public IReadOnlyList<SourceLocation> Locations { get; init; } = [];

    /// <summary>Response path for execution errors: field names (string) and list indices (int).</summary>
    public IReadOnlyList<object>? Path { get; init; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>An error at the given nodes' locations (nodes without a known location are skipped).</summary>
    public static GraphQLError At(string message, params ReadOnlySpan<SyntaxNode?> nodes)
    {
        var locations = new List<SourceLocation>(nodes.Length);
        foreach (var node in nodes)
        {
            if (node is not null && node.Location.IsKnown)
            {
                locations.Add(new SourceLocation(node.Location.Line, node.Location.Column));
            }
        }

        return new GraphQLError(message) { Locations = locations };
    }

    public override string ToString() =>
        Locations.Count == 0 ? Message : $"{Message} ({string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"))})";
}
