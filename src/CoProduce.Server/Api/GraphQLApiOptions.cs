using CoProduce.GraphQL.AspNetCore;

namespace CoProduce.Server.Api;

/// <summary>Settings under <c>GraphQL</c> (see docs/api.md). Limits not listed here keep the engine's defaults.</summary>
public sealed class GraphQLApiOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Whether <c>__schema</c>/<c>__type</c> may be queried. Unset: only in Development.</summary>
    public bool? Introspection { get; set; }

    /// <summary>How long the public list of open consultations is kept in memory, in seconds (0: read every time).</summary>
    public int PublicListCacheSeconds { get; set; } = 1;

    /// <summary>
    /// Highest estimated cost of an operation (see docs/graphql-execution.md). Ten open consultations with every
    /// field of their questionnaires cost about 27,000.
    /// </summary>
    public double MaxCost { get; set; } = 50_000;

    /// <summary>Deepest nesting of fields (fragments expanded). The introspection query needs 13.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most aliased fields in one operation.</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>Largest request body, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Most operations in one batched POST; 0 switches batching off.</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>Longest an operation may run, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Which documents are executed: <c>Allowed</c> (any) or <c>Required</c> (only trusted ones).</summary>
    public TrustedDocumentMode TrustedDocuments { get; set; } = TrustedDocumentMode.Allowed;

    /// <summary>
    /// A folder of <c>*.graphql</c> files to trust (each under the SHA-256 of its text); relative to the
    /// content root. Unset: none.
    /// </summary>
    public string? TrustedDocumentsDirectory { get; set; }

    /// <summary>Browser origins (besides the server's own) allowed to open a WebSocket.</summary>
    public string[] AllowedWebSocketOrigins { get; set; } = [];
}
