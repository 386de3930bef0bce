using System.Buffers;
using System.Globalization;
using System.Text;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL;

/// <summary>Validates an executable document against a schema (the default is <see cref="DocumentValidator"/>).</summary>
public delegate IReadOnlyList<GraphQLError> ValidateDocument(Schema schema, DocumentNode document, ValidationOptions options);

/// <summary>
/// The request pipeline: parse → validate → (cache) → check limits → coerce variables → execute. Documents are
/// cached by a 128-bit hash of their text, so a repeated operation skips parsing, validation and field
/// collection. Thread-safe; create one per schema and share it.
/// Never throws for any request: problems become GraphQL errors, except cancellation of
/// <c>cancellationToken</c>, which throws <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class GraphQLExecutor
{
    private static readonly IReadOnlyDictionary<string, object?> s_noVariables =
        new Dictionary<string, object?>(0, StringComparer.Ordinal).AsReadOnly();

    private readonly ValidateDocument _validate;

    public GraphQLExecutor(Schema schema, ExecutionOptions? options = null, ValidateDocument? validation = null)
    {
        Schema = schema;
        Options = options ?? ExecutionOptions.Default;
        _validate = validation ?? DocumentValidator.Validate;
        Cache = new DocumentCache(Options.DocumentCacheSize);
    }

    public Schema Schema { get; }

    public ExecutionOptions Options { get; }

    public DocumentCache Cache { get; }

    /// <summary>Executes a query or mutation, or starts a subscription (the result then has a <see cref="ExecutionResult.Stream"/>).</summary>
    public ValueTask<ExecutionResult> ExecuteAsync(
        string query,
        IReadOnlyDictionary<string, object?>? variables = null,
        string? operationName = null,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(new GraphQLRequest(query, operationName, variables), cancellationToken);

    /// <inheritdoc cref="ExecuteAsync(string, IReadOnlyDictionary{string, object?}?, string?, CancellationToken)"/>
    public async ValueTask<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            var document = Prepare(request.Query, out var errors);
            if (document is null)
            {
                return ExecutionResult.FromErrors(errors);
            }

            return await ExecutePreparedAsync(document, request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect, not a client error: answer with a GraphQL error rather than failing the host.
            var error = Options.MaskUnexpectedErrors
                ? new GraphQLError(GraphQLMessages.UnexpectedError.With())
                : new GraphQLError(e.Message);
            return ExecutionResult.FromError(Executor.Unexpected(Options, e, error with
            {
                Extensions = ErrorCodes.Of(ErrorCodes.InternalError),
            }));
        }
    }

    /// <summary>
    /// Parses and validates a document, or takes it from the cache. Null with the syntax or validation errors when
    /// it cannot be executed.
    /// </summary>
    public PreparedDocument? Prepare(string query, out IReadOnlyList<GraphQLError> errors)
    {
        errors = [];
        var maxBytes = Options.Parser.MaxDocumentBytes;
        if (maxBytes > 0 && query.Length > maxBytes)
        {
            errors = [TooLarge(maxBytes)];
            return null;
        }

        var length = Encoding.UTF8.GetByteCount(query);
        if (maxBytes > 0 && length > maxBytes)
        {
            errors = [TooLarge(maxBytes)];
            return null;
        }

        var key = DocumentHash.Of(query);
        if (Cache.TryGet(key, query, out var cached) && cached is not null)
        {
            return cached;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var utf8 = rented.AsSpan(0, Encoding.UTF8.GetBytes(query, rented));
            var document = Parser.TryParse(utf8, out var syntaxError, Options.Parser);
            if (document is null)
            {
                errors = [syntaxError?.ToGraphQLError() ?? new GraphQLError(GraphQLMessages.SyntaxError.With(GraphQLMessages.SyntaxUnableToParse.With()))];
                return null;
            }

            var validationErrors = _validate(Schema, document, Options.Validation);
            if (validationErrors.Count > 0)
            {
                errors = validationErrors;
                return null;
            }

            var prepared = new PreparedDocument(Schema, document) { Text = query };
            Cache.Add(key, prepared);
            return prepared;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Executes an operation of an already prepared document (for transports that prepare once).</summary>
    public async ValueTask<ExecutionResult> ExecutePreparedAsync(
        PreparedDocument document,
        GraphQLRequest request,
        CancellationToken cancellationToken = default)
    {
        var plan = document.GetOperation(request.OperationName, out var operationError);
        if (plan is null)
        {
            return ExecutionResult.FromError(operationError ?? new GraphQLError(GraphQLMessages.MustProvideOperation.With()));
        }

        // Variables first: the cost estimate may read slicing arguments from them.
        IReadOnlyDictionary<string, object?> variables = s_noVariables;
        if (plan.Operation.VariableDefinitions.Count > 0)
        {
            var variableErrors = new List<GraphQLError>();
            variables = ValueCoercion.CoerceVariableValues(Schema, plan.Operation.VariableDefinitions, request.Variables,
                variableErrors);
            if (variableErrors.Count > 0)
            {
                return ExecutionResult.FromErrors(variableErrors);
            }
        }

        if (CheckLimits(document, plan, variables) is { } limitError)
        {
            return ExecutionResult.FromError(limitError);
        }

        CancellationTokenSource? timeout = null;
        var token = cancellationToken;
        if (Options.ExecutionTimeout is { } limit)
        {
            timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            token = timeout.Token;
        }

        try
        {
            var state = CreateState(plan, variables, request, request.RootValue, token, subscriptionEvent: false, cancellationToken);
            if (plan.Operation.Operation == OperationType.Subscription)
            {
                return await Subscriptions.SubscribeAsync(state,
                    payload => CreateState(plan, variables, request, payload, cancellationToken, subscriptionEvent: true, cancellationToken))
                    .ConfigureAwait(false);
            }

            return await Executor.ExecuteAsync(state).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout is not null && timeout.IsCancellationRequested
            && !cancellationToken.IsCancellationRequested)
        {
            return ExecutionResult.FromError(Executor.TimeoutError(Options));
        }
        finally
        {
            timeout?.Dispose();
        }
    }

    private ExecutionState CreateState(
        OperationPlan plan,
        IReadOnlyDictionary<string, object?> variables,
        GraphQLRequest request,
        object? rootValue,
        CancellationToken token,
        bool subscriptionEvent,
        CancellationToken requestToken) =>
        new(plan, variables, rootValue, request.Services, subscriptionEvent ? EventItems(request.Items) : request.Items, Options,
            token)
        {
            IsSubscriptionEvent = subscriptionEvent,
            RequestCancellationToken = requestToken,
        };

    /// <summary>Each subscription event gets its own data loaders (fresh data), but shares the host's items.</summary>
    private static Dictionary<string, object?>? EventItems(IDictionary<string, object?>? items)
    {
        if (items is null)
        {
            return null;
        }

        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        lock (items)
        {
            foreach (var (key, value) in items)
            {
                if (!key.StartsWith("CoProduce.GraphQL.", StringComparison.Ordinal))
                {
                    copy[key] = value;
                }
            }
        }

        return copy;
    }

    private GraphQLError? CheckLimits(PreparedDocument document, OperationPlan plan, IReadOnlyDictionary<string, object?> variables)
    {
        if (plan.LimitsChecked)
        {
            return plan.LimitError;
        }

        if (plan.TryGetLimitResult(variables, out var known))
        {
            return known;
        }

        var metrics = OperationAnalyzer.MeasureWithReads(Schema, document, plan.Operation, variables, Options, out var reads);
        var error = OperationAnalyzer.Check(metrics, Options);
        if (error is null && !Options.EnableIntrospection && metrics.UsesIntrospection)
        {
            error = IntrospectionDisabled(document, plan.Operation);
        }

        // Variables only move the cost; without a cost limit, or without variables, the result holds for every request.
        if (reads is null || Options.MaxCost <= 0)
        {
            plan.LimitError = error;
            plan.LimitsChecked = true;
        }
        else
        {
            plan.AddLimitResult(reads, error);
        }

        return error;
    }

    private static GraphQLError IntrospectionDisabled(PreparedDocument document, OperationDefinitionNode operation)
    {
        var finder = new IntrospectionFieldFinder();
        finder.Visit(operation);
        foreach (var fragment in document.Fragments.Values)
        {
            if (finder.Found is not null)
            {
                break;
            }

            finder.Visit(fragment);
        }

        var name = finder.Found?.Name.Value ?? "__schema";
        return GraphQLError.At(
            GraphQLMessages.IntrospectionDisabled.With(name),
            finder.Found) with
        {
            Extensions = ErrorCodes.Of(ErrorCodes.IntrospectionDisabled),
        };
    }

    private static GraphQLError TooLarge(int maxBytes) =>
        new(GraphQLMessages.SyntaxError.With(GraphQLMessages.SyntaxDocumentTooLarge.With(maxBytes)))
        {
            Extensions = ErrorCodes.Of(ErrorCodes.DocumentTooLarge),
        };

    private sealed class IntrospectionFieldFinder : SyntaxWalker
    {
        public FieldNode? Found { get; private set; }

        protected override void VisitField(FieldNode node)
        {
            if (Found is null && node.Name.Value is "__schema" or "__type")
            {
                Found = node;
                return;
            }

            base.VisitField(node);
        }
    }
}
