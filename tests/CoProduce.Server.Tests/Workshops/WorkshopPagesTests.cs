using System.Net;
using System.Xml.Linq;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Server.Staff;
using CoProduce.Server.Tests.Hubs;
using CoProduce.Server.Tests.Journey;
using CoProduce.Server.Tests.Staff;
using CoProduce.Server.Workshops;
using CoProduce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Workshops;

public sealed class WorkshopPagesTestsSqlite(SqliteTestDatabase database) : WorkshopPagesTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>The participant's pages without JavaScript: join by code, the live page, the private signal.</summary>
public abstract class WorkshopPagesTests(TestDatabase database) : IAsyncLifetime
{
    private HubServer? _server;

    private HubServer Server => _server ??= new HubServer(database, new Dictionary<string, string?> { ["RateLimits:CodeLookup:PermitLimit"] = "10000" });

    private TestStaff _facilitator = null!; // Set in InitializeAsync, before any test runs.

    private JourneyClient Browser() => new(Server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true, BaseAddress = Server.BaseAddress }));

    public async Task InitializeAsync() => _facilitator = await Server.NewStaffAsync(StaffRoles.Facilitator);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static readonly ActivityDraft Poll = new(ActivityKind.Poll, new LocalizedText("Where should we meet?", "Ble dylem ni gwrdd?"), Options: [new("Town", "Tref"), new("Online", "Ar-lein")]);

    [Theory]
    [InlineData("/workshop", "Join a workshop")]
    [InlineData("/cy/workshop", "Ymuno â gweithdy")]
    public async Task JoinPage_WithoutJavaScript_SaysWhatIsNeededAndHasExitThisPage(string path, string heading)
    {
        var browser = Browser();

        var html = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains("govuk-exit-this-page", html, StringComparison.Ordinal);
        Assert.Contains("JavaScript", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_ValidCode_SetsSeatCookieAndShowsLivePage()
    {
        var (workshop, _) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var browser = Browser();
        await browser.GetAsync("/workshop");

        var html = await browser.PostAsync("/workshop", ("code", workshop.JoinCode.Display.ToLowerInvariant()), ("pseudonym", "Hazel"), ("language", "cy"));

        Assert.Equal("/cy/workshop/live", browser.Path);
        Assert.Contains("Ble dylem ni gwrdd?", html, StringComparison.Ordinal);
        Assert.Contains("Byddwch yn garedig", html, StringComparison.Ordinal);
        Assert.Contains("govuk-exit-this-page", html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_CookieIsHttpOnlyAndStrict()
    {
        var (workshop, _) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        // A real client against Kestrel, so that the redirect and its headers are seen as they are sent.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = Server.BaseAddress };
        var browser = new JourneyClient(http);
        await browser.GetAsync("/workshop");
        var token = System.Text.RegularExpressions.Regex.Match(browser.Html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var response = await http.PostAsync("/workshop", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = workshop.JoinCode.Display, ["language"] = "en", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ParticipantCookie.Name, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/workshop", "No workshop is running with that code")]
    [InlineData("/cy/workshop", "Nid oes gweithdy'n rhedeg gyda'r cod hwnnw")]
    public async Task Join_UnknownCode_ShowsLocalisedErrorAndKeepsWhatWasTyped(string path, string message)
    {
        await Server.LiveWorkshopAsync(_facilitator, Poll);
        var browser = Browser();
        await browser.GetAsync(path);

        var html = await browser.PostAsync(path, ("code", "2345-6789"), ("pseudonym", "Ash"), ("language", "en"));

        Assert.Contains(browser.ErrorSummary(), e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Contains("value=\"Ash\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LivePage_SignalWithoutJavaScript_ShowsSupportInformationAndFacilitatorSeesIt()
    {
        var (workshop, _) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var browser = Browser();
        await browser.GetAsync("/workshop");
        await browser.PostAsync("/workshop", ("code", workshop.JoinCode.Display), ("pseudonym", "Birch"), ("language", "en"));

        var html = await browser.PostAsync("/workshop/live?handler=Signal", ("kind", "NeedSupport"));

        Assert.Contains("Call 0808 2000 247", html, StringComparison.Ordinal);
        var seen = await Server.RunAsync(s => s.GetRequiredService<GetWorkshopView>().ForFacilitatorAsync(_facilitator, workshop.Id));
        Assert.Equal(SupportSignal.NeedSupport, Assert.Single(seen.Value.Participants).Signal);
    }

    [Fact]
    public async Task LivePage_WithoutSeat_ExplainsHowToJoin()
    {
        var browser = Browser();

        var html = await browser.GetAsync("/workshop/live");

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains("Join again with the workshop code", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPages_NobodySignedIn_GoToSignIn()
    {
        var (workshop, _) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var browser = Browser();

        await browser.GetAsync($"/staff/workshops/{workshop.Id}");

        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(workshop.Id.ToString(), browser.Html.Replace(Uri.EscapeDataString($"/staff/workshops/{workshop.Id}"), "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RunPage_Facilitator_ShowsNewJoinCodeWithQrThatJoins()
    {
        var (workshop, _) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var browser = Browser();
        await browser.SignInAsync(_facilitator.Email);
        await browser.GetAsync($"/staff/workshops/{workshop.Id}");
        Assert.Equal($"/staff/workshops/{workshop.Id}", browser.Path);

        var html = await browser.PostAsync($"/staff/workshops/{workshop.Id}?handler=ShowCode");

        var code = System.Text.RegularExpressions.Regex.Match(html, "app-join-code\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var joined = await Server.RunAsync(s => s.GetRequiredService<JoinWorkshop>().HandleAsync(new JoinRequest(code, null, "en")));
        Assert.True(joined.IsSuccess);
        Assert.False((await Server.RunAsync(s => s.GetRequiredService<JoinWorkshop>().HandleAsync(new JoinRequest(workshop.JoinCode.Display, null, "en")))).IsSuccess);
    }

    [Fact]
    public void EnumLabels_UsedByWorkshopPages_ExistInBothLanguages()
    {
        var keys = new List<string>();
        keys.AddRange(Enum.GetNames<WorkshopState>().Select(n => "Staff.Workshops.State." + n));
        keys.AddRange(Enum.GetNames<ActivityKind>().Select(n => "Staff.Workshops.Kind." + n));
        keys.AddRange(Enum.GetNames<CommissioningPhase>().Select(n => "Staff.Workshops.Phase." + n));
        keys.AddRange(Enum.GetNames<RoomCommand>().Select(n => "Staff.Workshops.Run.Command." + n));
        keys.AddRange(Enum.GetNames<ContributionStatus>().Select(n => "Staff.Workshops.Run.Contribution." + n));
        keys.AddRange(Enum.GetNames<ParticipantStatus>().Select(n => "Staff.Workshops.Run.Status." + n));
        keys.AddRange(Enum.GetNames<ParticipantCommand>().Select(n => "Staff.Workshops.Run.Participant." + n));
        keys.AddRange(new[] { SupportSignal.NeedBreak, SupportSignal.NeedSupport }.Select(n => "Staff.Workshops.Run.Signal." + n));
        keys.AddRange(new[] { ModerationCommand.Approve, ModerationCommand.Hide }.Select(n => "Staff.Workshops.Run.Moderate." + n));
        keys.AddRange(Enum.GetNames<IndicatorType>().Select(n => "Framework.IndicatorType." + n));
        keys.AddRange(Enum.GetNames<IndicatorNature>().Select(n => "Framework.Nature." + n));
        keys.AddRange(Enum.GetNames<ReportingFrequency>().Select(n => "Framework.Frequency." + n));
        keys.AddRange(Enum.GetNames<FrameworkOperation>().Select(n => "Framework.Operation." + n));

        foreach (var file in new[] { "Strings.resx", "Strings.cy.resx" })
        {
            var path = Path.Combine(FindRepositoryRoot(), "locales", file);
            var names = XDocument.Load(path).Root!.Elements("data").Select(e => (string?)e.Attribute("name")).ToHashSet(); // A resx always has a root.
            Assert.All(keys, key => Assert.True(names.Contains(key), $"{key} missing in {file}"));
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "locales")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("locales/ not found above the test folder.");
    }
}
