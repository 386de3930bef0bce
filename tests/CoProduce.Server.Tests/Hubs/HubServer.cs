using System.Net;
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
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoProduce.Server.Tests.Hubs;

/// <summary>A real staff account made for a test, and the actor the use cases see for it.</summary>
public sealed record TestStaff(StaffActor Actor, string Email)
{
    public static implicit operator StaffActor(TestStaff staff) => staff.Actor;
}

/// <summary>
/// The real server on Kestrel (a free loopback port) against a test database, so that real
/// WebSocket clients can reach <c>/hubs/workshop</c>. Staff are real accounts that sign in through
/// the sign-in form; their hub connections carry the staff cookie it set, as a browser's would.
/// </summary>
public sealed class HubServer : WebApplicationFactory<Program>
{
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
    }

    /// <summary>A new staff account (through the real use case) in the demo service or <paramref name="organisation"/>.</summary>
    public Task<TestStaff> NewStaffAsync(StaffRoles roles, OrganisationId? organisation = null) =>
        RunAsync(async services =>
        {
            await DemoOrganisation.EnsureAsync(services.GetRequiredService<CoProduceDbContext>());
            var email = $"hub-{Guid.NewGuid():N}@example.org";
            var org = organisation ?? DemoOrganisation.ServiceId;
            var created = await services.GetRequiredService<StaffAccounts>().CreateAsync(null, new CreateStaffUserRequest(email, "Hub test staff", org, roles), Password);
            if (created.IsFailure)
            {
                throw new InvalidOperationException("Could not create a test staff account: " + string.Join("; ", created.Errors));
            }

            return new TestStaff(new StaffActor(created.Value.Id, org, roles, "Hub test staff"), email);
        });

    public const string Password = Staff.StaffTestHelpers.Password;

    /// <summary>
    /// Signs <paramref name="staff"/> in through the sign-in form (antiforgery token included) and
    /// returns the <c>Cookie</c> header a browser would then send.
    /// </summary>
    public async Task<string> SignInAsync(TestStaff staff)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = BaseAddress };
        var form = await http.GetStringAsync("/staff/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await http.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = staff.Email,
            ["password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        var header = cookies.GetCookieHeader(BaseAddress);
        if (response.StatusCode != HttpStatusCode.Redirect || !header.Contains(StaffExtensions.CookieName + "=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in failed for {staff.Email}: {(int)response.StatusCode}");
        }

        return header;
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

    /// <summary>A hub connection of a staff member signed in through the form, with the staff cookie only.</summary>
    public async Task<HubJsonClient> StaffAsync(TestStaff staff) =>
        await HubJsonClient.ConnectAsync(HubUrl(), new Dictionary<string, string> { ["Cookie"] = await SignInAsync(staff), ["Origin"] = Origin });
}
