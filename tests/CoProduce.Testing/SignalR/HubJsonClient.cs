using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;

namespace CoProduce.Testing.SignalR;

/// <summary>
/// A small client of the SignalR JSON hub protocol (version 1) over <see cref="ClientWebSocket"/>,
/// for integration tests and the load generator (the .NET SignalR client cannot be installed here).
/// It skips negotiation (WebSockets only), sends the handshake, invokes hub methods and matches their
/// completions, keeps the connection alive with pings, and queues every server-to-client message.
/// Protocol: https://github.com/dotnet/aspnetcore/blob/main/src/SignalR/docs/specs/HubProtocol.md
/// </summary>
public sealed class HubJsonClient : IAsyncDisposable
{
    public const char RecordSeparator = '\u001e';

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Channel<HubMessage> _messages = Channel.CreateUnbounded<HubMessage>();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiving;
    private Task? _pinging;
    private long _nextId;

    private HubJsonClient()
    {
    }

    /// <summary>Set when the server closed the connection (a Close message, or the socket ended).</summary>
    public string? ClosedWith { get; private set; }

    public bool IsOpen => _socket.State == WebSocketState.Open && ClosedWith is null;

    /// <summary>Raised on the receive loop for each server-to-client invocation (keep it short).</summary>
    public event Action<HubMessage>? Received;

    /// <param name="hubUrl">ws:// or wss:// address of the hub, query included.</param>
    /// <param name="headers">Request headers such as <c>Cookie</c> and <c>Origin</c>.</param>
    public static async Task<HubJsonClient> ConnectAsync(Uri hubUrl, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default)
    {
        var client = new HubJsonClient();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            client._socket.Options.SetRequestHeader(name, value);
        }

        await client._socket.ConnectAsync(hubUrl, cancellationToken);
        await client.SendRawAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        var handshake = await client.ReceiveRecordAsync(cancellationToken) ?? throw new WebSocketException("The server closed the connection during the handshake.");
        using (var document = JsonDocument.Parse(handshake))
        {
            if (document.RootElement.TryGetProperty("error", out var error))
            {
                throw new WebSocketException($"Handshake refused: {error.GetString()}");
            }
        }

        client._receiving = Task.Run(client.ReceiveLoopAsync);
        client._pinging = Task.Run(client.PingLoopAsync);
        return client;
    }

    /// <summary>Calls a hub method and waits for its completion; a hub error becomes <see cref="HubInvocationException"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var message = JsonSerializer.Serialize(new { type = 1, invocationId = id, target = method, arguments }, Json);
        await SendRawAsync(message, _stop.Token);
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends any text as one record (for tests of malformed or oversized messages).</summary>
    public Task SendRawAsync(string record, CancellationToken cancellationToken = default) => SendAsync(record + RecordSeparator, cancellationToken);

    /// <summary>The next server-to-client message with this target (others are skipped), or a timeout.</summary>
    public async Task<HubMessage> WaitForAsync(string target, TimeSpan? timeout = null, Func<HubMessage, bool>? where = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(cts.Token);
            if (message.Target == target && (where is null || where(message)))
            {
                return message;
            }
        }
    }

    /// <summary>True if a message with this target arrives within <paramref name="within"/>.</summary>
    public async Task<bool> ReceivesAsync(string target, TimeSpan within)
    {
        try
        {
            await WaitForAsync(target, within);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until the server closes the connection.</summary>
    public async Task WaitClosedAsync(TimeSpan timeout)
    {
        if (_receiving is not null)
        {
            await _receiving.WaitAsync(timeout);
        }
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private readonly StringBuilder _buffer = new();

    /// <summary>One record (without its separator), or null when the socket closed.</summary>
    private async Task<string?> ReceiveRecordAsync(CancellationToken cancellationToken)
    {
        var rented = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (true)
            {
                var text = _buffer.ToString();
                var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
                if (end >= 0)
                {
                    _buffer.Remove(0, end + 1);
                    return text[..end];
                }

                var result = await _socket.ReceiveAsync(rented.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                _buffer.Append(Encoding.UTF8.GetString(rented, 0, result.Count));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var record = await ReceiveRecordAsync(_stop.Token);
                if (record is null)
                {
                    ClosedWith ??= "socket closed";
                    break;
                }

                using var document = JsonDocument.Parse(record);
                var root = document.RootElement;
                switch (root.GetProperty("type").GetInt32())
                {
                    case 1 when root.TryGetProperty("target", out var target):
                        var message = new HubMessage(target.GetString() ?? "", root.TryGetProperty("arguments", out var args) ? args.Clone() : default);
                        _messages.Writer.TryWrite(message);
                        Received?.Invoke(message);
                        break;
                    case 3:
                        var id = root.GetProperty("invocationId").GetString() ?? "";
                        if (_pending.TryRemove(id, out var completion))
                        {
                            if (root.TryGetProperty("error", out var error))
                            {
                                completion.TrySetException(new HubInvocationException(error.GetString() ?? ""));
                            }
                            else
                            {
                                completion.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
                            }
                        }

                        break;
                    case 7:
                        ClosedWith = root.TryGetProperty("error", out var reason) ? reason.GetString() ?? "closed" : "closed";
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            ClosedWith ??= exception.Message;
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new HubInvocationException($"Connection closed: {ClosedWith}"));
            }

            _messages.Writer.TryComplete();
        }
    }

    private async Task PingLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested && IsOpen)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), _stop.Token);
                await SendRawAsync("{\"type\":6}", _stop.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }

        foreach (var task in new[] { _receiving, _pinging })
        {
            if (task is not null)
            {
                await task.ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        _socket.Dispose();
        _stop.Dispose();
        _sendGate.Dispose();
    }
}

/// <summary>A server-to-client invocation: its target and its arguments (a JSON array).</summary>
public sealed record HubMessage(string Target, JsonElement Arguments)
{
    public JsonElement this[int index] => Arguments[index];
}

/// <summary>The hub answered an invocation with an error.</summary>
public sealed class HubInvocationException(string message) : Exception(message);
