using System.Security.Claims;
using System.Security.Cryptography;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>How a request ended before or after execution, for the transport to choose a status or message.</summary>
internal enum OutcomeKind
{
    /// <summary>Executed (the result has data, or is a subscription stream).</summary>
    Executed,

    /// <summary>Not executed: a request error (syntax, validation, variables, limits, unknown trusted document).</summary>
    RequestError,

    /// <summary>A mutation over GET (405).</summary>
    OperationNotAllowed,
}

internal readonly record struct Outcome(OutcomeKind Kind, ExecutionResult Result);

/// <summary>
/// The transport-independent pipeline shared by HTTP and WebSocket: trusted-document lookup, prepare (parse,
/// validate, cache), operation-type checks, per-request items, execution, error masking and localisation.
/// One per application (singleton).
/// </summary>
internal sealed partial class GraphQLServer
{
    public const string TrustedDocumentRequired = "TRUSTED_DOCUMENT_REQUIRED";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string BadRequest = "BAD_REQUEST";

    private readonly ILogger<GraphQLServer> _logger;
    private readonly ITrustedDocumentStore? _trusted;

    public GraphQLServer(
        Schema schema,
        IOptions<GraphQLServerOptions> options,
        IHostEnvironment environment,
        ILogger<GraphQLServer> logger,
        ITrustedDocumentStore? trusted = null)
    {
        Options = options.Value;
        _logger = logger;
        _trusted = trusted;
        var development = environment.IsDevelopment();
        ExposeExceptionDetails = Options.ExposeExceptionDetails ?? development;
        Executor = new GraphQLExecutor(schema, Options.Execution with
        {
            EnableIntrospection = Options.EnableIntrospection ?? development,
            ExecutionTimeout = Options.ExecutionTimeout,
            MaskUnexpectedErrors = !ExposeExceptionDetails,
            UnexpectedErrorHandler = OnUnexpectedError,
        });
    }

    public GraphQLServerOptions Options { get; }

    public GraphQLExecutor Executor { get; }

    public bool ExposeExceptionDetails { get; }

    /// <summary>
    /// Runs one request. <paramref name="allowMutation"/> is false for GET; subscriptions only run when
    /// <paramref name="allowSubscription"/> (WebSocket). Throws only <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async ValueTask<Outcome> ExecuteAsync(
        GraphQLRequestParameters parameters,
        HttpContext http,
        ClaimsPrincipal user,
        IDictionary<string, object?>? connectionItems,
        bool allowMutation,
        bool allowSubscription,
        CancellationToken cancellationToken)
    {
        var (text, documentError) = await ResolveDocumentAsync(parameters, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return RequestError(documentError!, http); // ResolveDocumentAsync returns an error whenever it returns no text
        }

        var prepared = Executor.Prepare(text, out var errors);
        if (prepared is null)
        {
            return new Outcome(OutcomeKind.RequestError, Localize(ExecutionResult.FromErrors(errors), http));
        }

        var operation = FindOperation(prepared.Document, parameters.OperationName);
        if (operation is { Operation: OperationType.Mutation } && !allowMutation)
        {
            return new Outcome(OutcomeKind.OperationNotAllowed, Localize(ExecutionResult.FromError(
                new GraphQLError(GraphQLHttpMessages.MutationOverGet.With())
                {
                    Extensions = Code(BadRequest),
                }), http));
        }

        if (operation is { Operation: OperationType.Subscription } && !allowSubscription)
        {
            return new Outcome(OutcomeKind.RequestError, Localize(ExecutionResult.FromError(
                new GraphQLError(GraphQLHttpMessages.SubscriptionOverHttp.With())
                {
                    Extensions = Code(BadRequest),
                }), http));
        }

        var items = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (connectionItems is not null)
        {
            foreach (var (key, value) in connectionItems)
            {
                items[key] = value;
            }
        }

        items[GraphQLHttpItems.User] = user;
        items[GraphQLHttpItems.HttpContext] = http;
        items[GraphQLHttpItems.Culture] = System.Globalization.CultureInfo.CurrentUICulture;
        if (Options.ConfigureRequest is { } configure)
        {
            await configure(http, items).ConfigureAwait(false);
        }

        var request = new GraphQLRequest(text, parameters.OperationName, parameters.Variables)
        {
            Services = http.RequestServices,
            Items = items,
        };
        var result = await Executor.ExecutePreparedAsync(prepared, request, cancellationToken).ConfigureAwait(false);
        var kind = result.HasData || result.Data is not null || result.IsStream ? OutcomeKind.Executed : OutcomeKind.RequestError;
        return new Outcome(kind, Localize(result, http));
    }

    /// <summary>The result with every error's message passed through the host's localiser (streams: each event).</summary>
    public ExecutionResult Localize(ExecutionResult result, HttpContext http)
    {
        if (Options.LocalizeError is not { } localize)
        {
            return result;
        }

        var errors = result.Errors;
        if (errors.Count > 0)
        {
            var localized = new GraphQLError[errors.Count];
            for (var i = 0; i < errors.Count; i++)
            {
                localized[i] = errors[i] with { Message = localize(errors[i], http) };
            }

            errors = localized;
        }

        return new ExecutionResult
        {
            Data = result.Data,
            HasData = result.HasData,
            Errors = errors,
            Extensions = result.Extensions,
            Stream = result.Stream is { } stream ? LocalizeStream(stream, http) : null,
        };
    }

    private async IAsyncEnumerable<ExecutionResult> LocalizeStream(
        IAsyncEnumerable<ExecutionResult> stream,
        HttpContext http,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Localize(item, http);
        }
    }

    public Outcome RequestError(GraphQLError error, HttpContext http) =>
        new(OutcomeKind.RequestError, Localize(ExecutionResult.FromError(error), http));

    /// <summary>A request-shape error (bad JSON, wrong parameter type) with code BAD_REQUEST.</summary>
    public static GraphQLError BadRequestError(GraphQLMessage message) => new(message) { Extensions = Code(BadRequest) };

    /// <summary>An error for a failure outside execution (the transport itself), logged with a correlation id.</summary>
    public GraphQLError InternalError(Exception exception) =>
        OnUnexpectedError(exception, ExposeExceptionDetails
            ? new GraphQLError(exception.Message)
            : new GraphQLError(GraphQLMessages.UnexpectedError.With()));

    private async ValueTask<(string? Text, GraphQLError? Error)> ResolveDocumentAsync(
        GraphQLRequestParameters parameters,
        CancellationToken cancellationToken)
    {
        var id = parameters.DocumentId ?? parameters.PersistedQueryHash;
        if (parameters.Query is { } query)
        {
            if (Options.TrustedDocuments == TrustedDocumentMode.Required
                && (_trusted is null
                    || await _trusted.GetAsync(InMemoryTrustedDocumentStore.Hash(query), cancellationToken).ConfigureAwait(false) is null))
            {
                return (null, new GraphQLError(GraphQLHttpMessages.TrustedDocumentRequired.With())
                {
                    Extensions = Code(TrustedDocumentRequired),
                });
            }

            return (query, null);
        }

        if (id is null)
        {
            return (null, BadRequestError(GraphQLHttpMessages.MissingQuery.With()));
        }

        var text = _trusted is null ? null : await _trusted.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return text is null
            ? (null, new GraphQLError("PersistedQueryNotFound") { Extensions = Code(PersistedQueryNotFound) })
            : (text, null);
    }

    private static OperationDefinitionNode? FindOperation(DocumentNode document, string? operationName)
    {
        OperationDefinitionNode? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            if (string.IsNullOrEmpty(operationName))
            {
                if (found is not null)
                {
                    return null; // ambiguous: the executor reports it
                }

                found = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                return operation;
            }
        }

        return found;
    }

    private GraphQLError OnUnexpectedError(Exception exception, GraphQLError error)
    {
        var correlationId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        LogUnexpected(exception, correlationId, error.Path is { } path ? string.Join('.', path) : null);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["code"] = ErrorCodes.InternalError,
            ["correlationId"] = correlationId,
        };
        return ExposeExceptionDetails
            ? error with { Extensions = extensions }
            : error with
            {
                Message = GraphQLMessages.UnexpectedError.English,
                LocalizableMessage = GraphQLMessages.UnexpectedError.With(),
                Extensions = extensions,
            };
    }

    internal static IReadOnlyDictionary<string, object?> Code(string code) =>
        new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["code"] = code };

    [LoggerMessage(EventId = 1, Level = LogLevel.Error,
        Message = "GraphQL request failed unexpectedly (correlation id {CorrelationId}, path {Path})")]
    private partial void LogUnexpected(Exception exception, string correlationId, string? path);
}
