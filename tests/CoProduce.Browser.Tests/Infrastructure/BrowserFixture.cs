using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Infrastructure;

/// <summary>
/// Runs the real server with Kestrel on a free loopback port and one headless Debian Chromium for a
/// whole test collection. Use it through <see cref="BrowserCollection"/>; open pages with
/// <see cref="OpenAsync"/>. Subclass it (and declare your own collection) to add configuration,
/// e.g. a throw-away database: override <see cref="ConfigureWebHost"/> and call the base.
/// </summary>
public class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Where "Exit this page" leads in tests; the browser answers it locally (see <see cref="OpenAsync"/>).</summary>
    public const string NeutralSite = "https://neutral.example/";

    private const string ChromiumPath = "/usr/bin/chromium";

    // Its own data folder (SQLite file, generated keys) once storage is wired in; removed afterwards.
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coproduce-browser-tests-" + Guid.NewGuid().ToString("N"));

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <summary>
    /// The host name pages are opened with. Kestrel listens on 127.0.0.1; WebAuthn refuses an IP
    /// address as relying-party id, so passkey tests open the same server as <c>localhost</c>.
    /// </summary>
    protected virtual string HostName => "127.0.0.1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Exit:RedirectUrl", NeutralSite);
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        // No demo content unless a test asks for it (Development would seed it).
        builder.UseSetting("Demo:Seed", "false");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseAddress = new UriBuilder(address.TrimEnd('/') + "/") { Host = HostName }.Uri;

        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's headless Chromium with the flags the build machines need (never a downloaded browser).</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}: install the Debian package 'chromium' (test.sh does).");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies and storage) with one page open at <paramref name="path"/>.
    /// Requests to anywhere but our server are answered locally or refused, so tests never reach the
    /// internet; Content-Security-Policy violations reported by the browser are collected.
    /// </summary>
    public Task<BrowserPage> OpenAsync(string path, bool javaScriptEnabled = true) =>
        OpenAsync(Browser, BaseAddress, path, javaScriptEnabled);

    /// <summary>
    /// <see cref="OpenAsync(string, bool)"/> for any server and browser, e.g. one the test restarts;
    /// <paramref name="viewport"/> sets the page's size in CSS pixels (e.g. a small phone).
    /// </summary>
    public static async Task<BrowserPage> OpenAsync(IBrowser browser, Uri baseAddress, string path, bool javaScriptEnabled = true, ViewportSize? viewport = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
        };
        if (viewport is not null)
        {
            options.ViewportSize = viewport;
        }

        var context = await browser.NewContextAsync(options);
        var origin = baseAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(url => !url.StartsWith(origin, StringComparison.Ordinal), route =>
            route.Request.Url.StartsWith(NeutralSite, StringComparison.Ordinal)
                ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<title>Neutral</title><p>Weather" })
                : route.AbortAsync());

        var page = await context.NewPageAsync();
        var session = new BrowserPage(context, page);
        await Axe.ServeAsync(page, baseAddress);
        if (path.Length > 0)
        {
            await session.GotoAsync(path);
        }
        return session;
    }

    public new async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

/// <summary>Every browser test class shares one server and one Chromium: <c>[Collection(BrowserCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
