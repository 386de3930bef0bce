using System.Text.Json;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Execution;

/// <summary>
/// How the executor runs requests: safety limits (each rejected before execution with a coded error), caching,
/// introspection, error masking and time limits. Zero (or null) switches a limit off.
/// </summary>
public sealed record ExecutionOptions
{
    public static ExecutionOptions Default { get; } = new();

    /// <summary>Parser limits: document size (1 MiB), tokens (15,000) and nesting depth (128).</summary>
    public ParserOptions Parser { get; init; } = ParserOptions.Default;

    /// <summary>Deepest chain of nested fields (fragments expanded). Default 15; the introspection query needs 13.</summary>
    public int MaxSelectionDepth { get; init; } = 15;

    /// <summary>Most field selections in an operation, counting each fragment use. Default 2,000.</summary>
    public int MaxFields { get; init; } = 2_000;

    /// <summary>Most aliased fields in an operation (aliases multiply work cheaply). Default 200.</summary>
    public int MaxAliases { get; init; } = 200;

    /// <summary>
    /// Highest estimated cost (IBM GraphQL cost directive semantics: <c>@cost(weight:)</c>, <c>@listSize</c>).
    /// Default 10,000. Introspection fields cost nothing.
    /// </summary>
    public double MaxCost { get; init; } = 10_000;

    /// <summary>Assumed length of list fields without <c>@listSize</c> or slicing argument. Default 10.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be queried (<c>__typename</c> always works). Default true.</summary>
    public bool EnableIntrospection { get; init; } = true;

    /// <summary>
    /// When true, errors from exceptions other than <see cref="GraphQLException"/> read "Unexpected error." instead
    /// of the exception's message (graphql-js exposes the message; production hosts usually should not). Default false.
    /// </summary>
    public bool MaskUnexpectedErrors { get; init; }

    /// <summary>
    /// Called with each exception other than <see cref="GraphQLException"/> that became an error (a failing resolver,
    /// source stream or defect), and the error the engine made of it; returns the error to send. Lets a host log the
    /// exception and mask it (e.g. with a correlation id). Must not throw. Default none.
    /// </summary>
    public Func<Exception, GraphQLError, GraphQLError>? UnexpectedErrorHandler { get; init; }

    /// <summary>Longest a request may execute before it is abandoned with an <c>EXECUTION_TIMEOUT</c> error. Default none.</summary>
    public TimeSpan? ExecutionTimeout { get; init; }

    /// <summary>How many prepared documents the executor keeps (least recently used are evicted). Default 1,000.</summary>
    public int DocumentCacheSize { get; init; } = 1_000;

    /// <summary>Validation settings: error cap (100), suggestions, introspection depth rule.</summary>
    public ValidationOptions Validation { get; init; } = ValidationOptions.Default;
}

/// <summary>A GraphQL request: the document, the operation to run, variables, and per-request host state.</summary>
public sealed record GraphQLRequest
{
    public GraphQLRequest(string query, string? operationName = null, IReadOnlyDictionary<string, object?>? variables = null)
    {
        Query = query;
        OperationName = operationName;
        Variables = variables;
    }

    public string Query { get; init; }

    public string? OperationName { get; init; }

    /// <summary>Variable values as plain .NET values or <see cref="JsonElement"/>s.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The value root fields resolve against.</summary>
    public object? RootValue { get; init; }

    /// <summary>Request services (the host's scoped <see cref="IServiceProvider"/>), exposed to resolvers.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Per-request state shared with resolvers (the current user, data loaders...).</summary>
    public IDictionary<string, object?>? Items { get; init; }

    /// <summary>A request from the GraphQL-over-HTTP JSON body (<c>query</c>, <c>operationName</c>, <c>variables</c>).</summary>
    public static GraphQLRequest FromJson(JsonElement body)
    {
        var query = body.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
        var name = body.TryGetProperty("operationName", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()
            : null;
        var variables = body.TryGetProperty("variables", out var v) ? ValueCoercion.VariablesFromJson(v) : null;
        return new GraphQLRequest(query ?? string.Empty, name, variables);
    }
}
