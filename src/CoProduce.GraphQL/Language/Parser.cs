using System.Text;

namespace CoProduce.GraphQL.Language;

/// <summary>
/// Parses GraphQL documents (executable and type system) from UTF-8 or strings. Every entry point either returns
/// a tree or throws <see cref="GraphQLSyntaxError"/>; no other exception escapes for any input.
/// </summary>
public static partial class Parser
{
    public static DocumentNode Parse(string source, ParserOptions? options = null) =>
        Parse(Encoding.UTF8.GetBytes(source), options);

    public static DocumentNode Parse(ReadOnlySpan<byte> utf8Source, ParserOptions? options = null) =>
        throw new NotImplementedException();

    /// <summary>Parses a single value literal, e.g. <c>{ a: [1, 2] }</c>; variables are allowed unless <paramref name="constant"/>.</summary>
    public static ValueNode ParseValue(string source, bool constant = false, ParserOptions? options = null) =>
        throw new NotImplementedException();

    /// <summary>Parses a type reference, e.g. <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null) => throw new NotImplementedException();

    /// <summary>Parses without throwing: the document, or null and the syntax error.</summary>
    public static DocumentNode? TryParse(ReadOnlySpan<byte> utf8Source, out GraphQLSyntaxError? error, ParserOptions? options = null)
    {
        try
        {
            error = null;
            return Parse(utf8Source, options);
        }
        catch (GraphQLSyntaxError e)
        {
            error = e;
            return null;
        }
    }
}
