using System.Net;
using System.Net.Sockets;
using CoProduce.Browser.Tests.Infrastructure;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Workshops;

/// <summary>
/// A server that a test can stop and start again mid-session — the same loopback port, the same data
/// folder (SQLite file, generated keys) — and one Debian Chromium, with a specialist service and one
/// facilitator account made through Core. <see cref="WebApplicationFactory{TEntryPoint}"/> starts
/// only once, so each start is a new factory over the same port and folder.
/// </summary>
public sealed class WorkshopBrowserFixture : IAsyncLifetime
{
    public const string Email = "facilitator@rape-crisis.example";
    public const string Password = "Browser-facilitator-password-7";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coproduce-workshop-browser-" + Guid.NewGuid().ToString("N"));
    private WorkshopServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public IServiceProvider Services => (_server ?? throw new InvalidOperationException("The server is not running.")).Services;

    /// <summary>The facilitator, for setting up workshops through Core where the pages are not what a test is about.</summary>
    public StaffActor Facilitator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        Start();

        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var organisation = new Organisation(OrganisationId.New(), "Canolfan Argyfwng Treisio (browser)", OrganisationKind.SpecialistService, Jurisdiction.Wales);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(null, new CreateStaffUserRequest(Email, "Facilitator", organisation.Id, StaffRoles.Facilitator), Password);
            Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
            Facilitator = new StaffActor(created.Value.Id, organisation.Id, StaffRoles.Facilitator, "Facilitator");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A fresh browser context (own cookies) with a page open at <paramref name="path"/>.</summary>
    public Task<BrowserPage> OpenAsync(string path, bool javaScriptEnabled = true, ViewportSize? viewport = null) =>
        BrowserFixture.OpenAsync(Browser, BaseAddress, path, javaScriptEnabled, viewport);

    /// <summary>Stops the server (its connections close, as in a crash or a deployment) and starts it again.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        Start();
    }

    /// <summary>A workshop made through Core, live, with a fresh join code: for tests about one page, not the session.</summary>
    public async Task<(WorkshopId Id, string Code)> CreateLiveWorkshopAsync(bool admissionRequired, params ActivityDraft[] activities)
    {
        await using var scope = Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var details = new WorkshopDetails(
            new LocalizedText("Planning refuge support", "Cynllunio cymorth lloches"), new LocalizedText("What should change", "Beth ddylai newid"),
            CommissioningPhase.Plan, Jurisdiction.Wales, DateTimeOffset.UtcNow,
            new LocalizedText("Be kind.", "Byddwch yn garedig."), new LocalizedText("Call Live Fear Free on 0808 80 10 800.", "Ffoniwch Byw Heb Ofn ar 0808 80 10 800."),
            admissionRequired);
        var created = await provider.GetRequiredService<CreateWorkshop>().HandleAsync(Facilitator, details);
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        var id = created.Value.Id;
        ActivityId? first = null;
        foreach (var activity in activities)
        {
            var added = await provider.GetRequiredService<AddActivity>().HandleAsync(Facilitator, id, activity);
            Assert.True(added.IsSuccess, string.Join("; ", added.Errors));
            first ??= added.Value;
        }

        var control = provider.GetRequiredService<ControlWorkshop>();
        Assert.True((await control.HandleAsync(Facilitator, id, RoomCommand.Start)).IsSuccess);
        if (first is { } shown)
        {
            Assert.True((await control.HandleAsync(Facilitator, id, RoomCommand.ShowActivity, shown)).IsSuccess);
        }

        return (id, created.Value.JoinCode.Display);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await StopAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private void Start()
    {
        var server = new WorkshopServer(_dataDirectory);
        server.UseKestrel(options => options.Listen(IPAddress.Loopback, BaseAddress.Port));
        server.StartServer();
        _server = server;
    }

    private async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class WorkshopServer(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Exit:RedirectUrl", BrowserFixture.NeutralSite);
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Demo:Seed", "false");
            // Every participant joins from the same loopback address.
            builder.UseSetting("RateLimits:CodeLookup:PermitLimit", "1000");
            // Stopping waits for open connections (the pages' hub sockets) up to this long, as a deployment would, but briefly.
            builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2)));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WorkshopBrowserCollection : ICollectionFixture<WorkshopBrowserFixture>
{
    public const string Name = "workshop-browser";
}
