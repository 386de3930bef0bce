using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoProduce.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>GraphQL over HTTP: GET and POST, content negotiation and the status codes the specification gives.</summary>
internal sealed class GraphQLHttpHandler(GraphQLServer server)
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        // Responses are JSON, not HTML: escape only what JSON requires (as graphql-js's JSON.stringify does).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonDocumentOptions s_readerOptions = new() { MaxDepth = 256 };

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept);
        try
        {
            var isGet = HttpMethods.IsGet(context.Request.Method);
            if (!isGet && !HttpMethods.IsPost(context.Request.Method))
            {
                response.Headers.Allow = server.Options.EnableGetRequests ? "GET, POST" : "POST";
                await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType ?? MediaTypes.Json,
                    GraphQLServer.BadRequestError(GraphQLHttpMessages.MethodNotAllowed.With())).ConfigureAwait(false);
                return;
            }

            if (isGet && !server.Options.EnableGetRequests)
            {
                response.Headers.Allow = "POST";
                await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType ?? MediaTypes.Json,
                    GraphQLServer.BadRequestError(GraphQLHttpMessages.PostOnly.With())).ConfigureAwait(false);
                return;
            }

            if (mediaType is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, MediaTypes.Json,
                    GraphQLServer.BadRequestError(GraphQLHttpMessages.NotAcceptable.With(MediaTypes.GraphQLResponse, MediaTypes.Json)))
                    .ConfigureAwait(false);
                return;
            }

            if (isGet)
            {
                await HandleGetAsync(context, mediaType).ConfigureAwait(false);
            }
            else
            {
                await HandlePostAsync(context, mediaType).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (e is not OutOfMemoryException && !response.HasStarted)
        {
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, mediaType ?? MediaTypes.Json,
                server.InternalError(e)).ConfigureAwait(false);
        }
    }

    private async Task HandleGetAsync(HttpContext context, string mediaType)
    {
        var query = context.Request.Query;
        foreach (var (key, values) in query)
        {
            if (values.Count > 1 && key is "query" or "operationName" or "variables" or "extensions" or "documentId")
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType,
                    GraphQLServer.BadRequestError(GraphQLHttpMessages.ParameterRepeated.With(key))).ConfigureAwait(false);
                return;
            }
        }

        JsonDocument? variables = null, extensions = null;
        try
        {
            if (!TryParseJsonParameter(query["variables"], "variables", out variables, out var problem)
                || !TryParseJsonParameter(query["extensions"], "extensions", out extensions, out problem))
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType,
                    GraphQLServer.BadRequestError(problem!)).ConfigureAwait(false); // set whenever parsing fails
                return;
            }

            var parameters = new GraphQLRequestParameters(
                query["query"].ToString() is { Length: > 0 } text ? text : null,
                query["operationName"].ToString() is { Length: > 0 } name ? name : null,
                ValueCoercion.VariablesFromJson(variables?.RootElement),
                extensions?.RootElement.Clone(),
                query["documentId"].ToString() is { Length: > 0 } id ? id : null);
            var outcome = await server.ExecuteAsync(parameters, context, context.User, connectionItems: null,
                allowMutation: false, allowSubscription: false, context.RequestAborted).ConfigureAwait(false);
            if (outcome.Kind == OutcomeKind.OperationNotAllowed)
            {
                context.Response.Headers.Allow = "POST";
                await WriteResultAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType, outcome.Result).ConfigureAwait(false);
                return;
            }

            await WriteResultAsync(context, StatusOf(outcome, mediaType), mediaType, outcome.Result).ConfigureAwait(false);
        }
        finally
        {
            variables?.Dispose();
            extensions?.Dispose();
        }
    }

    private async Task HandlePostAsync(HttpContext context, string mediaType)
    {
        if (!MediaTypes.IsAcceptedRequestType(context.Request.ContentType))
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, mediaType,
                GraphQLServer.BadRequestError(GraphQLHttpMessages.UnsupportedMediaType.With(MediaTypes.Json))).ConfigureAwait(false);
            return;
        }

        var limit = server.Options.MaxRequestBodyBytes;
        if (limit > 0 && context.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(context, mediaType, limit).ConfigureAwait(false);
            return;
        }

        // Kestrel's own body limit (30 MB) must not cut in before ours, nor stay when ours is off.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize
            && (limit <= 0 || limit >= (bodySize.MaxRequestBodySize ?? long.MaxValue)))
        {
            bodySize.MaxRequestBodySize = limit <= 0 ? null : limit + 1;
        }

        var body = await ReadBodyAsync(context, limit).ConfigureAwait(false);
        if (body is null)
        {
            await WriteTooLargeAsync(context, mediaType, limit).ConfigureAwait(false);
            return;
        }

        try
        {
            if (body.WrittenCount == 0)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType,
                    GraphQLServer.BadRequestError(GraphQLHttpMessages.EmptyBody.With())).ConfigureAwait(false);
                return;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body.WrittenMemory, s_readerOptions);
            }
            catch (JsonException)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType,
                    GraphQLServer.BadRequestError(GraphQLHttpMessages.InvalidJson.With())).ConfigureAwait(false);
                return;
            }

            using (document)
            {
                if (document.RootElement.ValueKind == JsonValueKind.Array)
                {
                    await HandleBatchAsync(context, mediaType, document.RootElement).ConfigureAwait(false);
                    return;
                }

                var parameters = GraphQLRequestParameters.FromJson(document.RootElement, out var problem);
                if (parameters is null)
                {
                    await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType,
                        GraphQLServer.BadRequestError(problem!)).ConfigureAwait(false); // FromJson sets it when it returns null
                    return;
                }

                var outcome = await server.ExecuteAsync(parameters, context, context.User, connectionItems: null,
                    allowMutation: true, allowSubscription: false, context.RequestAborted).ConfigureAwait(false);
                await WriteResultAsync(context, StatusOf(outcome, mediaType), mediaType, outcome.Result).ConfigureAwait(false);
            }
        }
        finally
        {
            body.Return();
        }
    }

    private async Task HandleBatchAsync(HttpContext context, string mediaType, JsonElement batch)
    {
        var count = batch.GetArrayLength();
        var max = server.Options.MaxBatchSize;
        if (max <= 0 || count > max || count == 0)
        {
            var message = max <= 0 ? GraphQLHttpMessages.BatchingDisabled.With() : GraphQLHttpMessages.BatchSize.With(max);
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, GraphQLServer.BadRequestError(message))
                .ConfigureAwait(false);
            return;
        }

        // Run one after another: a batch must not multiply the server's concurrency.
        var results = new List<ExecutionResult>(count);
        foreach (var item in batch.EnumerateArray())
        {
            var parameters = GraphQLRequestParameters.FromJson(item, out var problem);
            if (parameters is null)
            {
                results.Add(ExecutionResult.FromError(GraphQLServer.BadRequestError(problem!))); // set when null
                continue;
            }

            var outcome = await server.ExecuteAsync(parameters, context, context.User, connectionItems: null,
                allowMutation: true, allowSubscription: false, context.RequestAborted).ConfigureAwait(false);
            results.Add(outcome.Result);
        }

        PrepareResponse(context, StatusCodes.Status200OK, mediaType);
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, s_writerOptions);
        writer.WriteStartArray();
        foreach (var result in results)
        {
            result.WriteTo(writer);
        }

        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// 200 whenever execution started (data present); for request errors 400 with
    /// <c>application/graphql-response+json</c> and 200 with legacy <c>application/json</c>; 500 for defects.
    /// </summary>
    internal static int StatusOf(Outcome outcome, string mediaType)
    {
        if (outcome.Kind == OutcomeKind.Executed)
        {
            return StatusCodes.Status200OK;
        }

        foreach (var error in outcome.Result.Errors)
        {
            if (error.Extensions is { } extensions && extensions.TryGetValue("code", out var code))
            {
                if (code is ErrorCodes.InternalError)
                {
                    return StatusCodes.Status500InternalServerError;
                }

                if (code is GraphQLServer.BadRequest)
                {
                    return StatusCodes.Status400BadRequest;
                }

                if (code is ErrorCodes.Timeout && mediaType == MediaTypes.GraphQLResponse)
                {
                    return StatusCodes.Status503ServiceUnavailable;
                }
            }
        }

        return mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    private static bool TryParseJsonParameter(string? value, string name, out JsonDocument? document, out GraphQLMessage? problem)
    {
        document = null;
        problem = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            document = JsonDocument.Parse(value, s_readerOptions);
        }
        catch (JsonException)
        {
            problem = GraphQLHttpMessages.ParameterNotJson.With(name);
            return false;
        }

        if (document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
        {
            return true;
        }

        document.Dispose();
        document = null;
        problem = GraphQLHttpMessages.ParameterNotObject.With(name);
        return false;
    }

    /// <summary>Reads the body into a pooled buffer; null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<PooledBuffer?> ReadBodyAsync(HttpContext context, long limit)
    {
        var buffer = new PooledBuffer();
        var stream = context.Request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await stream.ReadAsync(memory, context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer;
            }

            buffer.Advance(read);
            if (limit > 0 && buffer.WrittenCount > limit)
            {
                buffer.Return();
                return null;
            }
        }
    }

    private Task WriteTooLargeAsync(HttpContext context, string mediaType, long limit) =>
        WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, mediaType,
            GraphQLServer.BadRequestError(GraphQLHttpMessages.BodyTooLarge.With(limit)));

    private Task WriteErrorAsync(HttpContext context, int status, string mediaType, GraphQLError error) =>
        WriteResultAsync(context, status, mediaType, server.Localize(ExecutionResult.FromError(error), context));

    private static async Task WriteResultAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        PrepareResponse(context, status, mediaType);
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, s_writerOptions);
        result.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void PrepareResponse(HttpContext context, int status, string mediaType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
    }

    /// <summary>A growable buffer rented from the shared pool.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(4096);

        public int WrittenCount { get; private set; }

        public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, WrittenCount);

        public void Advance(int count) => WrittenCount += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            if (_array.Length - WrittenCount < Math.Max(sizeHint, 1))
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, WrittenCount + sizeHint));
                _array.AsSpan(0, WrittenCount).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_array);
                _array = larger;
            }

            return _array.AsMemory(WrittenCount);
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public void Return()
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
            WrittenCount = 0;
        }
    }
}
