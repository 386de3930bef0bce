using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CoProduce.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>A raw graphql-transport-ws client over <see cref="ClientWebSocket"/>, for protocol tests.</summary>
public sealed class GraphQLWebSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket;

    private GraphQLWebSocketClient(ClientWebSocket socket) => _socket = socket;

    public WebSocket Socket => _socket;

    public static async Task<GraphQLWebSocketClient> ConnectAsync(Uri uri, string? subProtocol = "graphql-transport-ws", string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        using var timeout = new CancellationTokenSource(s_timeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new GraphQLWebSocketClient(socket);
    }

    /// <summary>Connects and completes connection_init/ack.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAndInitAsync(Uri uri, string initPayload = "{}")
    {
        var client = await ConnectAsync(uri);
        await client.SendAsync($$"""{"type":"connection_init","payload":{{initPayload}}}""");
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
        return client;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        await _socket.SendAsync(bytes, type, endOfMessage: true, timeout.Token);
    }

    public Task SubscribeAsync(string id, string query) =>
        SendAsync(JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query } }));

    /// <summary>The next message; fails the test when the socket closes or nothing arrives in time.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        using var deadline = new CancellationTokenSource(s_timeout);
        var (message, closeStatus, _) = await ReceiveAnyAsync(deadline.Token);
        Assert.True(message.HasValue, $"Expected a message, but the socket closed with {closeStatus}.");
        return message.Value;
    }

    /// <summary>Reads (skipping messages) until the server closes; returns the close code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        // One deadline for the whole wait: a server that keeps sending must not keep the test waiting forever.
        using var deadline = new CancellationTokenSource(s_timeout);
        while (true)
        {
            var (message, closeStatus, reason) = await ReceiveAnyAsync(deadline.Token);
            if (!message.HasValue)
            {
                return ((int)closeStatus!.Value, reason); // no message means the socket closed with a status
            }
        }
    }

    private async Task<(JsonElement? Message, WebSocketCloseStatus? Status, string? Reason)> ReceiveAnyAsync(CancellationToken timeout)
    {
        var buffer = new byte[64 * 1024];
        using var stream = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, result.CloseStatus, result.CloseStatusDescription);
            }

            stream.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (JsonDocument.Parse(stream.ToArray()).RootElement.Clone(), null, null);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(s_timeout);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server may already have gone.
            }
        }

        _socket.Dispose();
    }
}
