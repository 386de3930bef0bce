namespace CoProduce.GraphQL.Language;

/// <summary>Prints syntax trees back to GraphQL text in graphql-js's <c>print</c> format.</summary>
public static class Printer
{
    public static string Print(SyntaxNode node) => throw new NotImplementedException(node.Kind.ToString());
}
