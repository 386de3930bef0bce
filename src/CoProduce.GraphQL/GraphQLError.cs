using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL;

/// <summary>
/// An error as the GraphQL response format describes it: a message, the locations in the document it concerns,
/// for execution errors the response path, and optional extensions. Syntax, validation, schema and execution
/// errors all use this shape.
/// </summary>
public sealed record GraphQLError(string Message)
{
    /// <summary>An error whose message the engine words itself: <see cref="Message"/> is its English text.</summary>
    public GraphQLError(GraphQLMessage message)
        : this(message.ToString())
    {
        LocalizableMessage = message;
    }

    /// <summary>
    /// The message as a key and arguments, for hosts that answer in other languages; null for messages the engine
    /// does not word (a resolver's exception, a custom scalar's coercion error).
    /// </summary>
    public GraphQLMessage? LocalizableMessage { get; init; }

    /// <summary>The stable key of the message (e.g. <c>GraphQL.Validation.FieldNotDefined</c>), or null.</summary>
    public string? MessageKey => LocalizableMessage?.Key;

    /// <summary>The message's arguments: names and values from the request or schema, numbers, nested messages.</summary>
    public IReadOnlyList<object?> MessageArguments => LocalizableMessage?.Arguments ?? [];

    /// <summary>
    /// The message in another language (see <see cref="GraphQLMessage.Format"/>); <see cref="Message"/> unchanged
    /// when the engine did not word it.
    /// </summary>
    public string LocalizeMessage(Func<string, string?> lookup, IFormatProvider? provider = null) =>
        LocalizableMessage is { } text ? text.Format(lookup, provider) : Message;

    public IReadOnlyList<SourceLocation> Locations { get; init; } = [];

    /// <summary>Response path for execution errors: field names (string) and list indices (int).</summary>
    public IReadOnlyList<object>? Path { get; init; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>An error at the given nodes' locations (nodes without a known location are skipped).</summary>
    public static GraphQLError At(string message, params ReadOnlySpan<SyntaxNode?> nodes) =>
        new GraphQLError(message) { Locations = LocationsOf(nodes) };

    /// <summary>An engine-worded error at the given nodes' locations.</summary>
    public static GraphQLError At(GraphQLMessage message, params ReadOnlySpan<SyntaxNode?> nodes) =>
        new GraphQLError(message) { Locations = LocationsOf(nodes) };

    internal static List<SourceLocation> LocationsOf(ReadOnlySpan<SyntaxNode?> nodes)
    {
        var locations = new List<SourceLocation>(nodes.Length);
        foreach (var node in nodes)
        {
            if (node is not null && node.Location.IsKnown)
            {
                locations.Add(new SourceLocation(node.Location.Line, node.Location.Column));
            }
        }

        return locations;
    }

    public override string ToString() =>
        Locations.Count == 0 ? Message : $"{Message} ({string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"))})";
}
