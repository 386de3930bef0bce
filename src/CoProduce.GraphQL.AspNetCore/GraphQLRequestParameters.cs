using System.Text.Json;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>The parameters of one GraphQL-over-HTTP (or graphql-transport-ws <c>subscribe</c>) request, checked for shape.</summary>
internal sealed record GraphQLRequestParameters(
    string? Query,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    JsonElement? Extensions,
    string? DocumentId)
{
    /// <summary>
    /// Reads a request object: <c>query</c> and <c>documentId</c> strings, <c>operationName</c> a string or null,
    /// <c>variables</c> and <c>extensions</c> objects or null. Null with a message when a parameter has the wrong type.
    /// </summary>
    public static GraphQLRequestParameters? FromJson(JsonElement body, out GraphQLMessage? problem)
    {
        problem = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            problem = GraphQLHttpMessages.RequestNotObject.With();
            return null;
        }

        string? query = null, operationName = null, documentId = null;
        JsonElement? variables = null, extensions = null;
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "query" when value.ValueKind is JsonValueKind.String:
                    query = value.GetString();
                    break;
                case "operationName" when value.ValueKind is JsonValueKind.String:
                    operationName = value.GetString();
                    break;
                case "documentId" when value.ValueKind is JsonValueKind.String:
                    documentId = value.GetString();
                    break;
                case "variables" when value.ValueKind is JsonValueKind.Object:
                    variables = value;
                    break;
                case "extensions" when value.ValueKind is JsonValueKind.Object:
                    extensions = value;
                    break;
                case "query" or "operationName" or "documentId" or "variables" or "extensions"
                    when value.ValueKind is JsonValueKind.Null:
                    break;
                case "query" or "operationName" or "documentId":
                    problem = GraphQLHttpMessages.ParameterNotString.With(property.Name);
                    return null;
                case "variables" or "extensions":
                    problem = GraphQLHttpMessages.ParameterNotObject.With(property.Name);
                    return null;
            }
        }

        return new GraphQLRequestParameters(query, operationName, VariablesFromJson(variables), extensions?.Clone(), documentId);
    }

    private static IReadOnlyDictionary<string, object?>? VariablesFromJson(JsonElement? variables) =>
        CoProduce.GraphQL.Execution.ValueCoercion.VariablesFromJson(variables);

    /// <summary>The persisted-query hash of <c>extensions.persistedQuery.sha256Hash</c> (Apollo's form), if any.</summary>
    public string? PersistedQueryHash =>
        Extensions is { } extensions
        && extensions.TryGetProperty("persistedQuery", out var persisted)
        && persisted.ValueKind == JsonValueKind.Object
        && persisted.TryGetProperty("sha256Hash", out var hash)
        && hash.ValueKind == JsonValueKind.String
            ? hash.GetString()
            : null;
}
