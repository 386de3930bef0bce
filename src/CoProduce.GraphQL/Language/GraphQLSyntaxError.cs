namespace CoProduce.GraphQL.Language;

/// <summary>
/// A document that does not follow the grammar or exceeds a parser limit. The message follows graphql-js
/// (<c>Syntax Error: Expected Name, found "}".</c>); <see cref="Line"/> and <see cref="Column"/> are 1-based.
/// </summary>
public sealed class GraphQLSyntaxError(string message, int offset, int line, int column) : Exception(message)
{
    /// <summary>A syntax error the parser words itself ("Syntax Error: " and a description).</summary>
    internal GraphQLSyntaxError(GraphQLMessage description, int offset, int line, int column)
        : this(GraphQLMessages.SyntaxError.With(description), offset, line, column, true)
    {
    }

    private GraphQLSyntaxError(GraphQLMessage message, int offset, int line, int column, bool worded)
        : this(message.ToString(), offset, line, column)
    {
        LocalizableMessage = worded ? message : null;
    }

    /// <summary>Byte offset into the UTF-8 source.</summary>
    public int Offset { get; } = offset;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public SourceLocation SourceLocation => new(Line, Column);

    /// <summary>The message as a key and arguments (see <see cref="GraphQLError.LocalizableMessage"/>).</summary>
    public GraphQLMessage? LocalizableMessage { get; }

    /// <summary>The error in response form.</summary>
    public GraphQLError ToGraphQLError() => new(Message) { Locations = [SourceLocation], LocalizableMessage = LocalizableMessage };
}
