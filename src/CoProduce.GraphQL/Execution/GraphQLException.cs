namespace CoProduce.GraphQL.Execution;

/// <summary>
/// Thrown by a resolver to fail its field with a message meant for the client and, optionally, an error code
/// (written as <c>extensions.code</c>) and further extensions. Any other exception also fails the field; its message
/// is exposed unless <see cref="ExecutionOptions.MaskUnexpectedErrors"/> is set.
/// </summary>
public sealed class GraphQLException : Exception
{
    public GraphQLException(string message, string? code = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }

    public GraphQLException(string message, Exception innerException, string? code = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>A stable, machine-readable code such as <c>NOT_FOUND</c> or <c>FORBIDDEN</c>.</summary>
    public string? Code { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>Extensions with <c>code</c> first, as the error will carry them.</summary>
    internal IReadOnlyDictionary<string, object?>? BuildExtensions()
    {
        if (Code is null)
        {
            return Extensions;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = Code };
        if (Extensions is not null)
        {
            foreach (var (key, value) in Extensions)
            {
                result.TryAdd(key, value);
            }
        }

        return result;
    }
}

/// <summary>Codes the engine puts in <c>extensions.code</c> of request errors it raises itself.</summary>
public static class ErrorCodes
{
    public const string SyntaxError = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string OperationNotFound = "OPERATION_RESOLUTION_FAILURE";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    public const string CostExceeded = "COST_EXCEEDED";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    public const string Timeout = "EXECUTION_TIMEOUT";
    public const string InternalError = "INTERNAL_SERVER_ERROR";

    internal static IReadOnlyDictionary<string, object?> Of(string code) =>
        new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["code"] = code };
}
