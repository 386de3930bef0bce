using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CoProduce.Server.Tests.Api;

/// <summary>The client side of graphql-transport-ws over any WebSocket, for the API's subscription tests.</summary>
public static class GraphQLSocket
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Sends <c>connection_init</c> (with <paramref name="initPayload"/>) and expects <c>connection_ack</c>.</summary>
    public static async Task InitAsync(WebSocket socket, object? initPayload)
    {
        await SendAsync(socket, new { type = "connection_init", payload = initPayload });
        var ack = await ReceiveAsync(socket);
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
    }

    public static Task SubscribeAsync(WebSocket socket, string id, string query, object? variables) =>
        SendAsync(socket, new { id, type = "subscribe", payload = new { query, variables } });

    public static Task SendAsync(WebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message; fails on a close or after <see cref="Wait"/>.</summary>
    public static async Task<JsonElement> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Wait);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(text.ToString()).RootElement.Clone();
    }
}
