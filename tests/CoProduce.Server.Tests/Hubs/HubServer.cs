using System.Collections.Concurrent;
using System.Net;
using CoProduce.Core.Common;
using CoProduce.Core.Organisations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using CoProduce.Server.Staff;
using CoProduce.Server.Workshops;
using CoProduce.Testing;
using CoProduce.Testing.SignalR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Hubs;

/// <summary>
/// The real server on Kestrel (a free loopback port) against a test database, so that real
/// WebSocket clients can reach <c>/hubs/workshop</c>. Staff are identified by an <c>X-Test-Staff</c>
/// header until staff sign-in is merged (see <see cref="HeaderCurrentStaff"/>).
/// </summary>
public sealed class HubServer : WebApplicationFactory<Program>
{
    public const string StaffHeader = "X-Test-Staff";

    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public HubServer(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _database = database;
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    public Uri HubUrl(string language = "en") => new($"ws://{BaseAddress.Authority}/hubs/workshop?lang={language}");

    public string Origin => $"http://{BaseAddress.Authority}";

    /// <summary>Staff the header can name, shared by every server of a test run.</summary>
    public static ConcurrentDictionary<Guid, StaffActor> Actors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Demo:Seed", "false");
        foreach (var (key, value) in _database.Configuration)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddScoped<ICurrentStaff, HeaderCurrentStaff>();
        });
    }

    public static StaffActor NewStaff(StaffRoles roles, OrganisationId? organisation = null)
    {
        var actor = new StaffActor(new StaffUserId(Guid.NewGuid()), organisation ?? DemoOrganisation.ServiceId, roles, "Hub test staff");
        Actors[actor.UserId.Value] = actor;
        return actor;
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>A workshop created by <paramref name="facilitator"/>, live, showing an activity.</summary>
    public async Task<(CreatedWorkshop Workshop, ActivityId Activity)> LiveWorkshopAsync(StaffActor facilitator, ActivityDraft draft)
    {
        return await RunAsync(async services =>
        {
            await DemoOrganisation.EnsureAsync(services.GetRequiredService<CoProduceDbContext>());
            var created = (await services.GetRequiredService<CreateWorkshop>().HandleAsync(facilitator, new WorkshopDetails(
                new("Hub test", "Prawf hwb"), new("Purpose", "Diben"), Core.Consultations.CommissioningPhase.Plan, Core.Consultations.Jurisdiction.Wales,
                DateTimeOffset.UtcNow, new("Be kind", "Byddwch yn garedig"), new("Call 0808 2000 247", "Ffoniwch 0808 2000 247"), false))).Value;
            var activity = (await services.GetRequiredService<AddActivity>().HandleAsync(facilitator, created.Id, draft)).Value;
            var control = services.GetRequiredService<ControlWorkshop>();
            await control.HandleAsync(facilitator, created.Id, RoomCommand.Start);
            await control.HandleAsync(facilitator, created.Id, RoomCommand.ShowActivity, activity);
            return (created, activity);
        });
    }

    public Task<JoinedWorkshop> JoinAsync(JoinCode code, string? pseudonym = null) =>
        RunAsync(async services => (await services.GetRequiredService<JoinWorkshop>().HandleAsync(new JoinRequest(code.Display, pseudonym, "en"))).Value);

    public Task<HubJsonClient> ParticipantAsync(SessionToken token, string language = "en") =>
        HubJsonClient.ConnectAsync(HubUrl(language), new Dictionary<string, string> { ["Cookie"] = $"{ParticipantCookie.Name}={token.Value}", ["Origin"] = Origin });

    public Task<HubJsonClient> StaffAsync(StaffActor actor) =>
        HubJsonClient.ConnectAsync(HubUrl(), new Dictionary<string, string> { [StaffHeader] = actor.UserId.Value.ToString(), ["Origin"] = Origin });

    /// <summary>
    /// For hub tests: the actor named by the request's header (a WebSocket client cannot sign in with
    /// a form); otherwise the signed-in staff member, as in production.
    /// </summary>
    private sealed class HeaderCurrentStaff(IHttpContextAccessor accessor) : ICurrentStaff
    {
        public StaffActor? Actor =>
            Guid.TryParse(accessor.HttpContext?.Request.Headers[StaffHeader].ToString(), out var id) && Actors.TryGetValue(id, out var actor)
                ? actor
                : accessor.HttpContext is { } http ? StaffClaims.ToActor(http.User) : null;
    }
}
