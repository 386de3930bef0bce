using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoProduce.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>
/// One graphql-transport-ws connection (protocol: github.com/enisdenjo/graphql-ws, PROTOCOL.md): connection_init
/// and ack within a time limit, ping/pong, subscribe/next/error/complete for every operation type, and the
/// protocol's close codes. Operations run concurrently (up to a limit); sends are serialised; closing cancels
/// every operation and waits for it.
/// </summary>
internal sealed partial class GraphQLWebSocketSession(
    GraphQLServer server,
    HttpContext http,
    WebSocket socket,
    ILogger<GraphQLWebSocketSession> logger,
    TimeProvider time)
{
    /// <summary>Close codes of graphql-transport-ws, plus WebSocket's own 1009 for oversized messages.</summary>
    public static class CloseCodes
    {
        public const int MessageTooBig = 1009;
        public const int InternalServerError = 4500;
        public const int BadRequest = 4400;
        public const int Unauthorized = 4401;
        public const int Forbidden = 4403;
        public const int SubprotocolNotAcceptable = 4406;
        public const int ConnectionInitialisationTimeout = 4408;
        public const int SubscriberAlreadyExists = 4409;
        public const int TooManyInitialisationRequests = 4429;
    }

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly TimeSpan s_closeGrace = TimeSpan.FromSeconds(5);

    private readonly GraphQLWebSocketOptions _options = server.Options.WebSockets;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);

    // Every operation until it has finished, including ones the client completed (they may still be unwinding).
    private readonly ConcurrentDictionary<Operation, byte> _running = new();
    private readonly CancellationTokenSource _connection = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    private int _initReceived;
    private volatile bool _acknowledged;
    private volatile bool _closeSent;
    private ClaimsPrincipal _user = http.User;
    private IDictionary<string, object?>? _items;

    public async Task RunAsync()
    {
        var initWatch = WatchInitialisationAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // The client went away or the close grace period ended.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailure(e);
            await CloseAsync(CloseCodes.InternalServerError, "Internal server error").ConfigureAwait(false);
        }
        finally
        {
            await _connection.CancelAsync().ConfigureAwait(false);
            foreach (var operation in _running.Keys)
            {
                operation.Cancel();
            }

            // Operations use the HttpContext: the request must not end before they have.
            await Task.WhenAll(_running.Keys.Select(o => o.Done).Append(initWatch)).ConfigureAwait(false);
            _connection.Dispose();
        }
    }

    /// <summary>Sends a close frame once (later calls do nothing); the receive loop then waits briefly for the client's.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_closeSent || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }

            _closeSent = true;
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
        finally
        {
            _sendLock.Release();
        }

        _connection.CancelAfter(s_closeGrace);
    }

    /// <summary>After a close sent outside <see cref="RunAsync"/>, reads until the client's close frame (or the grace period).</summary>
    public async Task DrainAsync()
    {
        try
        {
            var buffer = new byte[256];
            while (socket.State == WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, _connection.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client did not answer the close; the connection is dropped.
        }
    }

    private async Task WatchInitialisationAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, time, _connection.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            await CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout").ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            var tooBig = false;
            do
            {
                received = await socket.ReceiveAsync(buffer.GetMemory(4096), _connection.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (!_closeSent)
                    {
                        await CloseAsync((int)WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
                    }

                    return;
                }

                if (!tooBig)
                {
                    buffer.Advance(received.Count);
                    tooBig = buffer.WrittenCount > _options.MaxMessageBytes;
                    if (tooBig)
                    {
                        buffer.ResetWrittenCount();
                    }
                }
            }
            while (!received.EndOfMessage);

            if (_closeSent)
            {
                continue; // waiting for the client's close frame; ignore anything else
            }

            if (tooBig)
            {
                await CloseAsync(CloseCodes.MessageTooBig, "Message too big").ConfigureAwait(false);
                continue;
            }

            if (received.MessageType != WebSocketMessageType.Text)
            {
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
                continue;
            }

            await HandleMessageAsync(buffer.WrittenMemory).ConfigureAwait(false);
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("type", out var typeElement)
                || typeElement.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
                return;
            }

            var payload = message.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? p : (JsonElement?)null;
            switch (typeElement.GetString())
            {
                case "connection_init":
                    await InitialiseAsync(payload).ConfigureAwait(false);
                    break;
                case "ping":
                    await SendAsync("pong", id: null, payload is { ValueKind: JsonValueKind.Object } ping ? w => ping.WriteTo(w) : null)
                        .ConfigureAwait(false);
                    break;
                case "pong":
                    break;
                case "subscribe":
                    await SubscribeAsync(message, payload).ConfigureAwait(false);
                    break;
                case "complete":
                    if (!TryGetId(message, out var id))
                    {
                        await CloseAsync(CloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
                        return;
                    }

                    if (_operations.TryRemove(id, out var operation))
                    {
                        operation.Cancel();
                    }

                    break;
                default:
                    await CloseAsync(CloseCodes.BadRequest, Truncate($"Unexpected message of type {typeElement.GetString()} received"))
                        .ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task InitialiseAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            await CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
            return;
        }

        if (payload is { ValueKind: not JsonValueKind.Object })
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid connection_init payload").ConfigureAwait(false);
            return;
        }

        var context = new GraphQLWebSocketInitContext(http, payload?.Clone());
        if (_options.OnConnectionInit is { } hook && !await hook(context).ConfigureAwait(false))
        {
            await CloseAsync(CloseCodes.Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        _user = context.User;
        _items = context.Items;
        _acknowledged = true;
        var ack = context.AckPayload;
        await SendAsync("connection_ack", id: null, ack is null ? null : w => ResultJsonWriter.WriteValue(w, ack, 0))
            .ConfigureAwait(false);
    }

    private async Task SubscribeAsync(JsonElement message, JsonElement? payload)
    {
        if (!_acknowledged)
        {
            await CloseAsync(CloseCodes.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (!TryGetId(message, out var id) || payload is not { ValueKind: JsonValueKind.Object } body)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }

        var parameters = GraphQLRequestParameters.FromJson(body, out _);
        if (parameters is null || (parameters.Query is null && parameters.DocumentId is null && parameters.PersistedQueryHash is null))
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }

        if (_operations.ContainsKey(id))
        {
            await CloseAsync(CloseCodes.SubscriberAlreadyExists, Truncate($"Subscriber for {id} already exists")).ConfigureAwait(false);
            return;
        }

        if (_operations.Count >= _options.MaxOperationsPerConnection)
        {
            var error = server.Localize(ExecutionResult.FromError(new GraphQLError(
                GraphQLHttpMessages.TooManyOperations.With(_options.MaxOperationsPerConnection))
            {
                Extensions = GraphQLServer.Code("TOO_MANY_OPERATIONS"),
            }), http);
            await SendAsync("error", id, w => ResultJsonWriter.WriteErrors(w, error.Errors)).ConfigureAwait(false);
            return;
        }

        var operation = new Operation(CancellationTokenSource.CreateLinkedTokenSource(_connection.Token));
        _operations[id] = operation; // only this loop adds, so the check above still holds
        _running[operation] = 0;
        _ = RunOperationAsync(id, parameters, operation); // never throws; Done completes when it ends
    }

    private async Task RunOperationAsync(string id, GraphQLRequestParameters parameters, Operation operation)
    {
        await Task.Yield(); // let the receive loop go on reading while this operation runs
        var token = operation.Token;
        try
        {
            var outcome = await server.ExecuteAsync(parameters, http, _user, _items, allowMutation: true, allowSubscription: true,
                token).ConfigureAwait(false);
            if (outcome.Kind != OutcomeKind.Executed)
            {
                var errors = outcome.Result.Errors;
                await SendAsync("error", id, w => ResultJsonWriter.WriteErrors(w, errors), token).ConfigureAwait(false);
                return;
            }

            if (outcome.Result.Stream is { } stream)
            {
                await foreach (var item in stream.WithCancellation(token).ConfigureAwait(false))
                {
                    await SendAsync("next", id, item.WriteTo, token).ConfigureAwait(false);
                }
            }
            else
            {
                await SendAsync("next", id, outcome.Result.WriteTo, token).ConfigureAwait(false);
            }

            await SendAsync("complete", id, null, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Completed by the client, or the connection closed.
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The socket went away while sending.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailure(e);
            await CloseAsync(CloseCodes.InternalServerError, "Internal server error").ConfigureAwait(false);
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, Operation>(id, operation));
            _running.TryRemove(operation, out _);
            operation.Finish();
        }
    }

    /// <summary>
    /// Sends one message. With a <paramref name="token"/> (an operation's), nothing is sent once it is cancelled:
    /// after the client's <c>complete</c>, no further message for that id may go out.
    /// </summary>
    private async Task SendAsync(string type, string? id, Action<Utf8JsonWriter>? writePayload, CancellationToken token = default)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id"u8, id);
            }

            writer.WriteString("type"u8, type);
            if (writePayload is not null)
            {
                writer.WritePropertyName("payload"u8);
                writePayload(writer);
            }

            writer.WriteEndObject();
        }

        await _sendLock.WaitAsync(_connection.Token).ConfigureAwait(false);
        try
        {
            token.ThrowIfCancellationRequested();
            if (_closeSent || socket.State != WebSocketState.Open)
            {
                return;
            }

            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, _connection.Token)
                .ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static bool TryGetId(JsonElement message, out string id)
    {
        id = message.TryGetProperty("id", out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString() ?? string.Empty
            : string.Empty;
        return id.Length > 0;
    }

    /// <summary>Close reasons are limited to 123 UTF-8 bytes.</summary>
    private static string Truncate(string reason) => reason.Length <= 60 ? reason : reason[..60];

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "GraphQL WebSocket connection failed")]
    private partial void LogFailure(Exception exception);

    private sealed class Operation(CancellationTokenSource cancellation)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _finished;

        public CancellationToken Token { get; } = cancellation.Token;

        /// <summary>Completes when the operation has ended (sent its last message or been cancelled).</summary>
        public Task Done => _done.Task;

        public void Cancel()
        {
            if (Volatile.Read(ref _finished) == 0)
            {
                try
                {
                    cancellation.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Finished meanwhile.
                }
            }
        }

        public void Finish()
        {
            Volatile.Write(ref _finished, 1);
            cancellation.Dispose();
            _done.TrySetResult();
        }
    }
}
