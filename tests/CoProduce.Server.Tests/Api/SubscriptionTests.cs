using System.Net.WebSockets;
using System.Text.Json;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Staff;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Api;

/// <summary>Live response counts over graphql-transport-ws, and staff API tokens over HTTP.</summary>
public sealed class SubscriptionTests(SqliteTestDatabase database) : ApiTestBase(database), IClassFixture<SqliteTestDatabase>
{
    private static readonly TimeSpan Wait = GraphQLSocket.Wait;

    [Fact]
    public async Task ResponseCountChanged_SubmissionAfterSubscribing_SendsTheNewCount()
    {
        var reference = await ImportConsultationAsync();
        var (token, id) = await AdministratorWithConsultationAsync(reference);
        using var socket = await ConnectAsync(new { authorization = $"Bearer {token}" });

        await SendAsync(socket, new
        {
            id = "1",
            type = "subscribe",
            payload = new { query = "subscription($id: ID!) { responseCountChanged(consultationId: $id) { total online } }", variables = new { id } },
        });
        var first = await ReceiveAsync(socket);
        Assert.Equal(0, first.GetProperty("payload").GetProperty("data").GetProperty("responseCountChanged").GetProperty("total").GetInt32());

        var submitted = Data(await GraphQLAsync(
            "mutation($r: String!) { submitResponse(input: { consultationReference: $r }) { errors { code } } }", new { r = reference }));
        Assert.Empty(submitted.GetProperty("submitResponse").GetProperty("errors").EnumerateArray());

        var second = await ReceiveAsync(socket);
        Assert.Equal("next", second.GetProperty("type").GetString());
        var counts = second.GetProperty("payload").GetProperty("data").GetProperty("responseCountChanged");
        Assert.Equal(1, counts.GetProperty("total").GetInt32());
        Assert.Equal(1, counts.GetProperty("online").GetInt32());
        await SendAsync(socket, new { id = "1", type = "complete" });
    }

    [Fact]
    public async Task ResponseCountChanged_Anonymous_ErrorNotData()
    {
        var reference = await ImportConsultationAsync();
        var (_, id) = await AdministratorWithConsultationAsync(reference);
        using var socket = await ConnectAsync(null);

        await SendAsync(socket, new
        {
            id = "1",
            type = "subscribe",
            payload = new { query = "subscription($id: ID!) { responseCountChanged(consultationId: $id) { total } }", variables = new { id } },
        });
        var message = await ReceiveAsync(socket);

        Assert.Equal("error", message.GetProperty("type").GetString());
        Assert.Equal("UNAUTHENTICATED", message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ConnectionInit_InvalidToken_Closes4403()
    {
        var client = Factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var socket = await client.ConnectAsync(new Uri(Factory.Server.BaseAddress, "graphql"), CancellationToken.None);

        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = "Bearer cpt_not-a-token" } });
        var buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(Wait);
        var result = await socket.ReceiveAsync(buffer, timeout.Token);

        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(4403, (int)socket.CloseStatus!.Value);
    }

    [Fact]
    public async Task Me_BearerToken_TheSignedInStaffMember()
    {
        var reference = await ImportConsultationAsync();
        var (token, _) = await AdministratorWithConsultationAsync(reference);

        var me = Data(await GraphQLAsync("{ me { displayName roles organisation { name } } }", bearerToken: token)).GetProperty("me");
        var anonymous = Data(await GraphQLAsync("{ me { displayName } }")).GetProperty("me");

        Assert.Equal("Subscriber", me.GetProperty("displayName").GetString());
        Assert.Equal(["ADMINISTRATOR"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.StartsWith("Subscriptions", me.GetProperty("organisation").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, anonymous.ValueKind);
    }

    [Fact]
    public async Task Query_RevokedOrUnknownToken_Refused()
    {
        using var response = await PostGraphQLAsync("{ me { displayName } }", language: "cy", bearerToken: "cpt_unknown");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Nid yw'r tocyn API yn ddilys, neu mae wedi'i ddiddymu.", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    private async Task<(string Token, string ConsultationId)> AdministratorWithConsultationAsync(string reference)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoProduceDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organisation = new Organisation(OrganisationId.New(), $"Subscriptions {suffix}", OrganisationKind.CommissioningBody, Jurisdiction.Wales);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var created = await services.GetRequiredService<StaffAccounts>().CreateAsync(
            null, new CreateStaffUserRequest($"admin-{suffix}@example.org", "Subscriber", organisation.Id, StaffRoles.Administrator), "Subscriber-password-1234!");
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        var actor = new StaffActor(created.Value.Id, organisation.Id, StaffRoles.Administrator, "Subscriber");
        var token = await services.GetRequiredService<CreateApiToken>().HandleAsync(actor, new CreateApiTokenRequest("test"));
        var id = await db.Consultations.AsNoTracking().Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync();
        return (token.Value.Token, id.Value.ToString());
    }

    private async Task<WebSocket> ConnectAsync(object? initPayload)
    {
        var client = Factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        var socket = await client.ConnectAsync(new Uri(Factory.Server.BaseAddress, "graphql"), CancellationToken.None);
        await GraphQLSocket.InitAsync(socket, initPayload);
        return socket;
    }

    private static Task SendAsync(WebSocket socket, object message) => GraphQLSocket.SendAsync(socket, message);

    private static Task<JsonElement> ReceiveAsync(WebSocket socket) => GraphQLSocket.ReceiveAsync(socket);
}
