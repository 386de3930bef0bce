using System.Net.WebSockets;
using System.Text.Json;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using CoProduce.Server.Tests.Hubs;
using CoProduce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Api;

/// <summary>
/// <c>workshopTallies</c> over graphql-transport-ws on the real server (Kestrel), fed by a participant voting through
/// the workshop hub with the .NET hub client.
/// </summary>
public sealed class WorkshopTalliesSubscriptionTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private const string Subscription = "subscription($id: ID!) { workshopTallies(workshopId: $id) { activityId voters counts { itemId count } } }";

    private static readonly ActivityDraft Dots = new(
        ActivityKind.DotVoting, new LocalizedText("Priorities", "Blaenoriaethau"), Options: [new("Childcare", "Gofal plant"), new("Travel", "Teithio"), new("Evenings", "Gyda'r nos")], Dots: 3);

    private readonly HubServer _server = new(database);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    private Task<(StaffActor Actor, string Token)> StaffAsync(string name, OrganisationId organisation, StaffRoles roles) =>
        _server.RunAsync(services => ApiStaff.CreateAsync(services, name, organisation, roles));

    private async Task<OrganisationId> OrganisationAsync() => await _server.RunAsync(async services =>
    {
        var organisation = new Organisation(OrganisationId.New(), $"Tallies {Guid.NewGuid():N}", OrganisationKind.SpecialistService, Jurisdiction.Wales);
        var db = services.GetRequiredService<CoProduceDbContext>();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    private async Task<WebSocket> ConnectAsync(string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{_server.BaseAddress.Authority}/graphql"), CancellationToken.None);
        await GraphQLSocket.InitAsync(socket, new { authorization = $"Bearer {token}" });
        return socket;
    }

    private static Dictionary<string, int> Counts(JsonElement tally) =>
        tally.GetProperty("counts").EnumerateArray().ToDictionary(c => c.GetProperty("itemId").GetString()!, c => c.GetProperty("count").GetInt32());

    [Fact]
    public async Task WorkshopTallies_ParticipantVotesThroughTheHub_FacilitatorReceivesTheTally()
    {
        var organisation = await OrganisationAsync();
        var facilitator = await StaffAsync("facilitator", organisation, StaffRoles.Facilitator);
        var (workshop, dots) = await _server.LiveWorkshopAsync(facilitator.Actor, Dots);
        using var socket = await ConnectAsync(facilitator.Token);

        await GraphQLSocket.SubscribeAsync(socket, "t", Subscription, new { id = workshop.Id.Value.ToString() });
        var first = await GraphQLSocket.ReceiveAsync(socket);
        var joined = await _server.JoinAsync(workshop.JoinCode, "Fern");
        await using var participant = await _server.ParticipantAsync(joined.SessionToken);
        Assert.True((await participant.InvokeAsync("Enter")).GetProperty("ok").GetBoolean());
        var vote = await participant.InvokeAsync("Vote", new { activityId = dots.Value, choices = new[] { "o1", "o1", "o3" } });
        var next = await GraphQLSocket.ReceiveAsync(socket);

        var snapshot = first.GetProperty("payload").GetProperty("data").GetProperty("workshopTallies");
        Assert.Equal(dots.Value.ToString(), snapshot.GetProperty("activityId").GetString());
        Assert.Equal(0, snapshot.GetProperty("voters").GetInt32());
        Assert.True(vote.GetProperty("ok").GetBoolean(), vote.ToString());
        Assert.Equal("next", next.GetProperty("type").GetString());
        var tally = next.GetProperty("payload").GetProperty("data").GetProperty("workshopTallies");
        Assert.Equal(dots.Value.ToString(), tally.GetProperty("activityId").GetString());
        Assert.Equal(1, tally.GetProperty("voters").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["o1"] = 2, ["o3"] = 1 }, Counts(tally));
        await GraphQLSocket.SendAsync(socket, new { id = "t", type = "complete" });
    }

    [Theory]
    [InlineData(false, "FORBIDDEN")]
    [InlineData(true, "NOT_FOUND")]
    public async Task WorkshopTallies_NotAFacilitator_RefusedWithoutData(bool otherOrganisation, string code)
    {
        var organisation = await OrganisationAsync();
        var facilitator = await StaffAsync("facilitator", organisation, StaffRoles.Facilitator);
        var (workshop, _) = await _server.LiveWorkshopAsync(facilitator.Actor, Dots);
        var someoneElse = await StaffAsync("someone", otherOrganisation ? await OrganisationAsync() : organisation, StaffRoles.Commissioner | StaffRoles.Facilitator);
        using var socket = await ConnectAsync(someoneElse.Token);

        await GraphQLSocket.SubscribeAsync(socket, "t", Subscription, new { id = workshop.Id.Value.ToString() });
        var message = await GraphQLSocket.ReceiveAsync(socket);

        Assert.Equal("error", message.GetProperty("type").GetString());
        Assert.Equal(code, message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
