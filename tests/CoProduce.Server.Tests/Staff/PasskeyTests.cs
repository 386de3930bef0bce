using System.Net;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Staff;
using CoProduce.Server.Tests.Infrastructure;
using CoProduce.Server.Tests.Journey;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoProduce.Server.Tests.Staff;

/// <summary>
/// Passkeys through the real endpoints and pages, with <see cref="SoftwareAuthenticator"/> in place
/// of the browser's: adding, signing in, and the refusals (no or stale ceremony state, replayed
/// assertion, disabled and locked accounts, missing antiforgery token, rate limit).
/// </summary>
public sealed class PasskeyTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private const string Failed = "That passkey could not sign you in. Try again, or sign in with your email address and password.";

    [Fact]
    public async Task PasskeySignIn_RegisteredPasskey_SignsInWithoutPasswordOrCodeAndAudits()
    {
        var (id, email) = await factory.AddStaffAsync(StaffRoles.Commissioner);
        using var authenticator = await RegisterAsync(email);

        var browser = NewBrowser();
        await SignInWithPasskeyAsync(browser, authenticator);

        Assert.Equal("/staff", browser.Path);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.SubjectId == id.ToString() && a.Action == AuditActions.StaffUserPasskeyAdd));
    }

    [Fact]
    public async Task PasskeySignIn_ReplayedAssertion_IsRefused()
    {
        var (_, email) = await factory.AddStaffAsync(StaffRoles.Commissioner);
        using var authenticator = await RegisterAsync(email);
        var first = NewBrowser();
        await first.GetAsync("/staff/sign-in");
        var assertion = authenticator.Get(await OptionsAsync(first, PasskeyEndpoints.RequestOptionsPath));
        await first.PostAsync("/staff/sign-in?handler=Passkey", ("credential", assertion));
        Assert.Equal("/staff", first.Path);

        // The same assertion again: with fresh options (another challenge), and with none at all.
        var withFreshOptions = NewBrowser();
        await withFreshOptions.GetAsync("/staff/sign-in");
        await OptionsAsync(withFreshOptions, PasskeyEndpoints.RequestOptionsPath);
        await withFreshOptions.PostAsync("/staff/sign-in?handler=Passkey", ("credential", assertion));
        var withoutOptions = NewBrowser();
        await withoutOptions.GetAsync("/staff/sign-in");
        await withoutOptions.PostAsync("/staff/sign-in?handler=Passkey", ("credential", assertion));

        foreach (var browser in new[] { withFreshOptions, withoutOptions })
        {
            Assert.Equal(HttpStatusCode.OK, browser.Status);
            Assert.Equal([Failed], browser.ErrorSummary());
            await browser.GetAsync("/staff");
            Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}")]
    public async Task PasskeySignIn_BadCredentialOrNoCeremony_ShowsTheWelshErrorWithoutCrashing(string credential)
    {
        var browser = NewBrowser();
        await browser.GetAsync("/cy/staff/sign-in");
        await OptionsAsync(browser, "/cy" + PasskeyEndpoints.RequestOptionsPath);

        await browser.PostAsync("/cy/staff/sign-in?handler=Passkey", ("credential", credential));

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal(["Nid oedd modd eich mewngofnodi gyda’r allwedd mynediad honno. Rhowch gynnig arall arni, neu mewngofnodwch gyda’ch cyfeiriad e-bost a’ch cyfrinair."], browser.ErrorSummary());
    }

    [Fact]
    public async Task PasskeySignIn_DisabledAccount_IsRefusedEvenWithAValidPasskey()
    {
        var (id, email) = await factory.AddStaffAsync(StaffRoles.Commissioner);
        using var authenticator = await RegisterAsync(email);
        var (adminId, _) = await factory.AddStaffAsync(StaffRoles.Administrator);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var admin = new StaffActor(adminId, default, StaffRoles.Administrator, "Admin");
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetDisabledAsync(admin, id, true)).IsSuccess);
        }

        var browser = NewBrowser();
        await SignInWithPasskeyAsync(browser, authenticator);

        Assert.Equal([Failed], browser.ErrorSummary());
        await browser.GetAsync("/staff");
        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PasskeySignIn_LockedOutAccount_SaysSoAndStaysSignedOut()
    {
        var (id, email) = await factory.AddStaffAsync(StaffRoles.Commissioner);
        using var authenticator = await RegisterAsync(email);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByIdAsync(id.Value.ToString());
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var browser = NewBrowser();
        await SignInWithPasskeyAsync(browser, authenticator);

        Assert.Contains("locked", Assert.Single(browser.ErrorSummary()), StringComparison.Ordinal);
        await browser.GetAsync("/staff");
        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PasskeyOptions_WithoutAntiforgeryTokenOrSignIn_AreRefused()
    {
        var browser = NewBrowser();
        await browser.GetAsync("/staff/sign-in");

        var noToken = await browser.Http.PostAsync(PasskeyEndpoints.RequestOptionsPath, null);
        var anonymousCreation = await browser.Http.SendAsync(Request(PasskeyEndpoints.CreationOptionsPath, browser));

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal("/staff/sign-in", anonymousCreation.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.DoesNotContain("challenge", await anonymousCreation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasskeyAdd_WithoutCeremonyOrName_ShowsErrorsAndAddsNothing()
    {
        var (_, email) = await factory.AddStaffAsync(StaffRoles.Analyst);
        var browser = NewBrowser();
        await browser.SignInAsync(email);
        await browser.GetAsync("/staff/account/passkeys");
        using var authenticator = new SoftwareAuthenticator();
        var options = await OptionsAsync(browser, PasskeyEndpoints.CreationOptionsPath);
        var credential = authenticator.Create(options);

        await browser.PostAsync("/staff/account/passkeys?handler=Add", ("passkey-name", " "), ("credential", credential));
        Assert.Equal(["Enter a name for the passkey of 100 characters or fewer."], browser.ErrorSummary());
        // The ceremony state was never read (the name failed first), but a credential without its
        // own ceremony, or posted twice, is not added.
        await browser.PostAsync("/staff/account/passkeys?handler=Add", ("passkey-name", "Laptop"), ("credential", "{}"));
        Assert.Equal(["The passkey could not be added. Try again."], browser.ErrorSummary());
        await browser.PostAsync("/staff/account/passkeys?handler=Add", ("passkey-name", "Laptop"), ("credential", credential));
        Assert.Equal(["The passkey could not be added. Try again."], browser.ErrorSummary());
        Assert.Contains("id=\"no-passkeys\"", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasskeyRenameAndRemove_OwnPasskey_ChangesItAndOthersCannotTouchIt()
    {
        var (_, email) = await factory.AddStaffAsync(StaffRoles.Analyst);
        var owner = NewBrowser();
        await owner.SignInAsync(email);
        using var authenticator = await RegisterAsync(owner);
        var (_, otherEmail) = await factory.AddStaffAsync(StaffRoles.Analyst);
        var other = NewBrowser();
        await other.SignInAsync(otherEmail);
        await other.GetAsync("/staff/account/passkeys");

        await other.PostAsync($"/staff/account/passkeys?handler=Remove&id={authenticator.CredentialId}");
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        await other.GetAsync($"/staff/account/passkeys?rename={authenticator.CredentialId}");
        Assert.Equal(HttpStatusCode.NotFound, other.Status);

        await owner.GetAsync($"/staff/account/passkeys?rename={authenticator.CredentialId}");
        await owner.PostAsync($"/staff/account/passkeys?handler=Rename&id={authenticator.CredentialId}", ("new-name", "Phone"));
        Assert.Equal("/staff/account/passkeys", owner.Path);
        Assert.Contains("<td class=\"govuk-table__cell\">Phone</td>", owner.Html, StringComparison.Ordinal);
        await owner.PostAsync($"/staff/account/passkeys?handler=Remove&id={authenticator.CredentialId}");
        Assert.Contains("id=\"no-passkeys\"", owner.Html, StringComparison.Ordinal);

        var signIn = NewBrowser();
        await SignInWithPasskeyAsync(signIn, authenticator);
        Assert.Equal([Failed], signIn.ErrorSummary());
    }

    [Fact]
    public async Task PasskeyOptions_BeyondThePermitLimit_Answer429()
    {
        using var limited = new ServerFactory { Settings = new Dictionary<string, string?> { ["RateLimits:Passkey:PermitLimit"] = "2" } };
        var browser = new JourneyClient(limited.CreateClient());
        await browser.GetAsync("/staff/sign-in");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await browser.Http.SendAsync(Request(PasskeyEndpoints.RequestOptionsPath, browser))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private JourneyClient NewBrowser()
    {
        var browser = factory.Browser();
        // What a browser sends with a form post; the passkey checks compare it with the credential's origin.
        browser.Http.DefaultRequestHeaders.Add("Origin", "http://localhost");
        return browser;
    }

    private async Task<SoftwareAuthenticator> RegisterAsync(string email)
    {
        var browser = NewBrowser();
        await browser.SignInAsync(email);
        return await RegisterAsync(browser);
    }

    private static async Task<SoftwareAuthenticator> RegisterAsync(JourneyClient browser)
    {
        await browser.GetAsync("/staff/account/passkeys");
        var authenticator = new SoftwareAuthenticator();
        var options = await OptionsAsync(browser, PasskeyEndpoints.CreationOptionsPath);
        await browser.PostAsync("/staff/account/passkeys?handler=Add", ("passkey-name", "Test key"), ("credential", authenticator.Create(options)));
        Assert.Empty(browser.ErrorSummary());
        Assert.Contains("<td class=\"govuk-table__cell\">Test key</td>", browser.Html, StringComparison.Ordinal);
        return authenticator;
    }

    private static async Task SignInWithPasskeyAsync(JourneyClient browser, SoftwareAuthenticator authenticator)
    {
        await browser.GetAsync("/staff/sign-in");
        var options = await OptionsAsync(browser, PasskeyEndpoints.RequestOptionsPath);
        await browser.PostAsync("/staff/sign-in?handler=Passkey", ("credential", authenticator.Get(options)));
    }

    /// <summary>What passkeys.js does: POST with the page's antiforgery token in the header.</summary>
    private static async Task<string> OptionsAsync(JourneyClient browser, string path)
    {
        var response = await browser.Http.SendAsync(Request(path, browser));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static HttpRequestMessage Request(string path, JourneyClient browser)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-CSRF-TOKEN", JourneyClient.AntiforgeryToken(browser.Html) ?? "");
        return request;
    }
}
