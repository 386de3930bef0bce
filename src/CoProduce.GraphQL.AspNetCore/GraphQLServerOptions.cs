using CoProduce.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>
/// How the GraphQL endpoint serves requests over HTTP and WebSocket. Every limit is on by default; zero (or null)
/// switches a limit off where noted.
/// </summary>
public sealed class GraphQLServerOptions
{
    /// <summary>
    /// Engine limits passed through to the executor: parser (document bytes, tokens, nesting), selection depth,
    /// fields, aliases, cost, validation, document cache. <see cref="ExecutionOptions.EnableIntrospection"/>,
    /// <see cref="ExecutionOptions.ExecutionTimeout"/> and error masking are set from the options below.
    /// </summary>
    public ExecutionOptions Execution { get; set; } = ExecutionOptions.Default;

    /// <summary>Largest request body read, in bytes; larger requests are answered 413. Default 1 MiB + 64 KiB (room for variables).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_114_112;

    /// <summary>
    /// Most operations in one batched POST (a JSON array of requests). Default 0: batching is off and an array body
    /// is answered 400.
    /// </summary>
    public int MaxBatchSize { get; set; }

    /// <summary>
    /// Longest a query or mutation may execute (a subscription: its start) before it ends with an EXECUTION_TIMEOUT
    /// error. Default 30 s.
    /// </summary>
    public TimeSpan? ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be queried. Default null: on in Development only.</summary>
    public bool? EnableIntrospection { get; set; }

    /// <summary>
    /// Whether messages of unexpected exceptions reach clients. Default null: only in Development. Otherwise such
    /// errors read "Unexpected error." with <c>extensions.code = INTERNAL_SERVER_ERROR</c> and a
    /// <c>correlationId</c> that is also logged with the exception.
    /// </summary>
    public bool? ExposeExceptionDetails { get; set; }

    /// <summary>Whether queries may be sent with GET (mutations never are: 405). Default true.</summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>Which documents are accepted: any (the default) or only trusted (persisted) ones.</summary>
    public TrustedDocumentMode TrustedDocuments { get; set; } = TrustedDocumentMode.Allowed;

    /// <summary>
    /// Rewrites an error's message for the request (e.g. localised by the request culture, using
    /// <see cref="GraphQLError.Extensions"/>' code). Called for every error of every response, HTTP and WebSocket.
    /// Default none.
    /// </summary>
    public Func<GraphQLError, HttpContext, string>? LocalizeError { get; set; }

    /// <summary>
    /// Fills the per-request items resolvers see (<c>IResolveFieldContext.Items</c>), after the library's own
    /// (<see cref="GraphQLHttpItems"/>). For WebSocket operations the items of the connection (set at
    /// <c>connection_init</c>) are copied first. Default none.
    /// </summary>
    public Func<HttpContext, IDictionary<string, object?>, ValueTask>? ConfigureRequest { get; set; }

    /// <summary>WebSocket (graphql-transport-ws) settings.</summary>
    public GraphQLWebSocketOptions WebSockets { get; } = new();
}

/// <summary>Which documents the endpoint executes.</summary>
public enum TrustedDocumentMode
{
    /// <summary>Any document; <c>documentId</c> and <c>extensions.persistedQuery.sha256Hash</c> are looked up in the store too.</summary>
    Allowed,

    /// <summary>
    /// Only trusted documents: a request must name a stored document (or send the text of one, which is matched by
    /// its SHA-256 hash). Anything else is refused with <c>TRUSTED_DOCUMENT_REQUIRED</c>.
    /// </summary>
    Required,
}

/// <summary>The graphql-transport-ws endpoint (same path as HTTP, upgraded).</summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>Whether WebSocket upgrades are served. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time a client has to send <c>connection_init</c> before the socket closes with 4408. Default 10 s.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest message accepted from a client, in bytes; larger closes the socket with 1009. Default 1 MiB + 64 KiB.</summary>
    public int MaxMessageBytes { get; set; } = 1_114_112;

    /// <summary>Most operations running at once on one connection; more are answered with an <c>error</c> message. Default 100.</summary>
    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>
    /// Origins (<c>https://host[:port]</c>) allowed to open a socket from a browser, besides the server's own origin.
    /// A request with another Origin header is refused with 403 before the upgrade. "*" allows any. Default empty
    /// (same origin only); requests without an Origin header (non-browser clients) are allowed.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// Decides whether a connection may be acknowledged, from the upgrade request and the <c>connection_init</c>
    /// payload; may set the user and connection items. False closes the socket with 4403. Default: accept.
    /// </summary>
    public Func<GraphQLWebSocketInitContext, ValueTask<bool>>? OnConnectionInit { get; set; }
}
