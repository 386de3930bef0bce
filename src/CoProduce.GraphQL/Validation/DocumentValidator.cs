using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Validation;

/// <summary>Settings for <see cref="DocumentValidator"/>.</summary>
public sealed record ValidationOptions
{
    public static ValidationOptions Default { get; } = new();

    /// <summary>
    /// Most errors reported. When a document has more, the first <see cref="MaxErrors"/> are returned followed by
    /// <see cref="DocumentValidator.TooManyErrorsMessage"/>, as graphql-js does. Default 100.
    /// </summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>Leave out "Did you mean" suggestions (they reveal schema names). Default false.</summary>
    public bool HideSuggestions { get; init; }

    /// <summary>
    /// The spec's Operation Type Existence rule (a mutation against a schema without a mutation type). graphql-js 16
    /// has no such rule (it fails at execution instead); default true, as the specification requires it.
    /// </summary>
    public bool CheckOperationTypeExistence { get; init; } = true;

    /// <summary>graphql-js 16's recommended rule limiting nested introspection lists. Default true, as in graphql-js.</summary>
    public bool LimitIntrospectionDepth { get; init; } = true;
}

/// <summary>
/// Validates executable documents against a schema: every rule of the specification's Validation section, in one
/// traversal of the document, with graphql-js 16's messages, error locations and error order.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The last error when a document has more errors than <see cref="ValidationOptions.MaxErrors"/>.</summary>
    public const string TooManyErrorsMessage = "Too many validation errors, error limit reached. Validation aborted.";

    /// <summary>The last error when a document is too expensive to validate completely.</summary>
    public const string AbortedMessage = "Validation aborted.";

    /// <summary>Validates <paramref name="document"/>; an empty list means it is valid.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentValidation(schema, document, options ?? ValidationOptions.Default).Run();
    }
}
