using System.Net;
using System.Net.WebSockets;
using System.Text;
using CoProduce.GraphQL.AspNetCore.TestHost;
using CoProduce.GraphQL.AspNetCore.Tests.Infrastructure;

namespace CoProduce.GraphQL.AspNetCore.Tests;

/// <summary>graphql-transport-ws over a real Kestrel on loopback.</summary>
public sealed class GraphQLWebSocketSessionTests
{
    [Fact]
    public async Task Connect_OfferedSubprotocol_IsSelectedAndAcknowledged()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);

        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("graphql-ws")]
    public async Task Connect_WithoutGraphQLTransportWs_Closes4406(string? subProtocol)
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri, subProtocol);

        Assert.Equal(4406, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Connect_FromForeignOrigin_IsRefusedWith403()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);

        var error = await Assert.ThrowsAsync<WebSocketException>(() =>
            GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri, origin: "https://evil.example"));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_FromSameOrAllowedOrigin_IsAccepted()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.WebSockets.AllowedOrigins.Add("https://app.example"), kestrel: true);
        var own = "http://" + server.WebSocketUri.Authority;

        await using var same = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri, origin: own);
        await using var allowed = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri, origin: "https://app.example");

        Assert.Equal(WebSocketState.Open, same.Socket.State);
        Assert.Equal(WebSocketState.Open, allowed.Socket.State);
    }

    [Fact]
    public async Task Ping_BeforeInit_IsAnsweredWithPong()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync("""{"type":"ping","payload":{"n":1}}""");

        var pong = await client.ReceiveAsync();
        Assert.Equal("pong", pong.GetProperty("type").GetString());
        Assert.Equal(1, pong.GetProperty("payload").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Subscribe_Query_SendsNextThenComplete()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("q1", "{ hello }");

        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("""{"id":"q1","type":"next","payload":{"data":{"hello":"Hello, world!"}}}""", next.GetRawText());
        Assert.Equal("""{"id":"q1","type":"complete"}""", complete.GetRawText());
    }

    [Fact]
    public async Task Subscribe_Mutation_Runs()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("m", "mutation { add(a: 20, b: 22) }");

        var next = await client.ReceiveAsync();

        Assert.Equal(42, next.GetProperty("payload").GetProperty("data").GetProperty("add").GetInt32());
    }

    [Fact]
    public async Task Subscribe_Subscription_SendsEveryEventThenComplete()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("s", "subscription { count(to: 3) }");

        var values = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var next = await client.ReceiveAsync();
            Assert.Equal("next", next.GetProperty("type").GetString());
            values.Add(next.GetProperty("payload").GetProperty("data").GetProperty("count").GetInt32());
        }

        Assert.Equal([1, 2, 3], values);
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_InvalidDocument_SendsErrorMessage()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("bad", "{ nope }");

        var error = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
        Assert.Contains("nope", error.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_FailingSourceStream_IsMaskedAndCompletes()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("f", "subscription { failing }");

        var first = await client.ReceiveAsync();
        var failure = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal(1, first.GetProperty("payload").GetProperty("data").GetProperty("failing").GetInt32());
        Assert.DoesNotContain("internal detail", failure.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("INTERNAL_SERVER_ERROR", failure.GetProperty("payload").FirstErrorCode());
        Assert.Equal("complete", complete.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Complete_FromClient_StopsTheSourceStream()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("t", "subscription { ticks(intervalMs: 10) }");
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());
        Assert.True(TestSchema.ActiveTicks > 0);

        await client.SendAsync("""{"id":"t","type":"complete"}""");
        await client.SubscribeAsync("t", "{ hello }"); // the id is free again once completed

        var next = await client.ReceiveAsync();
        while (next.GetProperty("payload").GetProperty("data").TryGetProperty("ticks", out _))
        {
            next = await client.ReceiveAsync(); // ticks already in flight before the complete
        }

        Assert.Equal("Hello, world!", next.GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        await WaitUntilAsync(() => TestSchema.ActiveTicks == 0);
    }

    [Fact]
    public async Task Close_ByClient_StopsRunningSubscriptions()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("t1", "subscription { ticks(intervalMs: 10) }");
        await client.SubscribeAsync("t2", "subscription { ticks(intervalMs: 10) }");
        await client.ReceiveAsync();

        await client.DisposeAsync();

        await WaitUntilAsync(() => TestSchema.ActiveTicks == 0);
    }

    [Fact]
    public async Task Init_PayloadUser_IsTheUserOfEveryOperation()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri, """{"user":"bethan"}""");
        await client.SubscribeAsync("me", """{ me item(key: "greeting") }""");

        var next = await client.ReceiveAsync();

        Assert.Equal("""{"me":"bethan","item":"hi"}""", next.GetProperty("payload").GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Init_RejectedByHook_Closes4403()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync("""{"type":"connection_init","payload":{"token":"reject"}}""");

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Init_Twice_Closes4429()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Init_NotSentInTime_Closes4408()
    {
        await using var server = await TestGraphQLServer.StartAsync(
            o => o.WebSockets.ConnectionInitTimeout = TimeSpan.FromMilliseconds(200), kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri);

        Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_BeforeAck_Closes4401()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SubscribeAsync("1", "{ hello }");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_DuplicateActiveId_Closes4409()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("dup", "subscription { ticks }");
        await client.SubscribeAsync("dup", "subscription { ticks }");

        Assert.Equal((4409, "Subscriber for dup already exists"), await client.ReceiveCloseAsync());
        await WaitUntilAsync(() => TestSchema.ActiveTicks == 0);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"payload":{}}""")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"connection_init","payload":"text"}""")]
    public async Task Message_Invalid_Closes4400(string message)
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync(message);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Theory]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":1}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{}}""")]
    [InlineData("""{"type":"complete"}""")]
    public async Task Message_InvalidAfterAck_Closes4400(string message)
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SendAsync(message);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Message_Binary_Closes4400()
    {
        await using var server = await TestGraphQLServer.StartAsync(kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync(Encoding.UTF8.GetBytes("""{"type":"connection_init"}"""), WebSocketMessageType.Binary);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Message_OverSizeLimit_Closes1009()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.WebSockets.MaxMessageBytes = 1024, kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("big", "{ hello(name: \"" + new string('x', 5000) + "\") }");

        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Subscribe_OverOperationLimit_SendsErrorAndKeepsConnection()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.WebSockets.MaxOperationsPerConnection = 1, kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("a", "subscription { ticks(intervalMs: 1000) }");
        await client.SubscribeAsync("b", "{ hello }");

        var error = await client.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("b", error.GetProperty("id").GetString());
        Assert.Equal("TOO_MANY_OPERATIONS", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());

        await client.SendAsync("""{"id":"a","type":"complete"}""");
        await WaitUntilAsync(() => TestSchema.ActiveTicks == 0);
        await client.SubscribeAsync("c", "{ hello }");
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_TransportFailure_Closes4500()
    {
        await using var server = await TestGraphQLServer.StartAsync(o =>
            o.ConfigureRequest = (_, _) => throw new InvalidOperationException("broken"), kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("x", "{ hello }");

        Assert.Equal((4500, "Internal server error"), await client.ReceiveCloseAsync());
        Assert.Contains(server.Log.Entries, e => e.Exception?.Message == "broken");
    }

    [Fact]
    public async Task Init_HookThrows_Closes4500AndLogs()
    {
        await using var server = await TestGraphQLServer.StartAsync(o =>
            o.WebSockets.OnConnectionInit = _ => throw new InvalidOperationException("token store down"), kestrel: true);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal((4500, "Internal server error"), await client.ReceiveCloseAsync());
        Assert.Contains(server.Log.Entries, e => e.Exception?.Message == "token store down");
    }

    [Fact]
    public async Task Upgrade_WhenWebSocketsDisabled_IsRefused()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.WebSockets.Enabled = false, kestrel: true);

        var error = await Assert.ThrowsAsync<WebSocketException>(() => GraphQLWebSocketClient.ConnectAsync(server.WebSocketUri));
        Assert.Contains(((int)HttpStatusCode.BadRequest).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message,
            StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
