using CoProduce.Browser.Tests.Infrastructure;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Staff;

/// <summary>The demo accounts, with pages opened as <c>localhost</c> (a valid WebAuthn relying-party id).</summary>
public sealed class PasskeyBrowserFixture : BrowserFixture
{
    protected override string HostName => "localhost";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "true");
    }
}

[CollectionDefinition(Name)]
public sealed class PasskeyBrowserCollection : ICollectionFixture<PasskeyBrowserFixture>
{
    public const string Name = "passkey-browser";
}

/// <summary>
/// Passkeys in real Chromium with its virtual authenticator (CDP WebAuthn domain: CTAP2, internal
/// transport, resident keys, user verification): add, sign out, sign in with it, rename, remove,
/// in English and Welsh, with axe-core on every page.
/// </summary>
[Collection(PasskeyBrowserCollection.Name)]
public sealed class PasskeyBrowserTests(PasskeyBrowserFixture server)
{
    [Theory(Timeout = 300_000)]
    [InlineData("", 0, "Sign in with a passkey")]
    [InlineData("/cy", 1, "Mewngofnodi gydag allwedd mynediad")]
    public async Task Passkey_AddSignOutSignInRenameRemove_WorksAndPassesAxe(string prefix, int account, string buttonText)
    {
        var person = DemoStaffAccounts.Accounts[account];
        await using var session = await server.OpenAsync($"{prefix}/staff/sign-in");
        var page = session.Page;
        await AddVirtualAuthenticatorAsync(session);

        Assert.Equal(buttonText, (await page.Locator("#passkey").InnerTextAsync()).Trim());
        await page.Locator("#email").FillAsync(person.Email);
        await page.Locator("#password").FillAsync(person.Password);
        await page.Locator("#password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{prefix}/staff");

        // Add.
        await session.GotoAsync($"{prefix}/staff/account/passkeys");
        Assert.True(await page.Locator("#no-passkeys").IsVisibleAsync());
        Assert.False(await page.Locator("[data-passkey-unsupported]").IsVisibleAsync());
        await session.AssertAccessibleAsync();
        await page.Locator("#passkey-name").FillAsync("Gliniadur gwaith");
        await page.Locator("form[data-passkey-form=create] button").ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Equal(["Gliniadur gwaith"], await page.Locator("#passkeys tbody td:first-child").AllInnerTextsAsync());
        await session.AssertAccessibleAsync();

        // Sign out, then in with the passkey alone (no email, password or code).
        await page.Locator("form.app-staff-nav__sign-out button").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{prefix}/staff/sign-out");
        await session.GotoAsync($"{prefix}/staff/sign-in");
        await session.AssertAccessibleAsync();
        await page.Locator("#passkey").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{prefix}/staff");
        Assert.Contains(person.DisplayName, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Rename, then remove.
        await session.GotoAsync($"{prefix}/staff/account/passkeys");
        await page.Locator("#passkeys tbody a.govuk-link").ClickAsync();
        await page.Locator("#new-name").FillAsync("Allwedd ddiogelwch");
        await session.AssertAccessibleAsync();
        await page.Locator("#new-name").PressAsync("Enter");
        await page.WaitForURLAsync(url => !new Uri(url).Query.Contains("rename", StringComparison.Ordinal));
        Assert.Equal(["Allwedd ddiogelwch"], await page.Locator("#passkeys tbody td:first-child").AllInnerTextsAsync());
        await page.Locator("#passkeys tbody form button").ClickAsync();
        await page.Locator("#no-passkeys").WaitForAsync();
        await session.AssertAccessibleAsync();
        session.AssertNoBrowserProblems();
    }

    [Fact(Timeout = 300_000)]
    public async Task Passkey_WithoutJavaScript_SignInOffersOnlyThePasswordAndAccountPageExplains()
    {
        var admin = DemoStaffAccounts.Accounts[0];
        await using var session = await server.OpenAsync("/staff/sign-in", javaScriptEnabled: false);
        var page = session.Page;
        Assert.False(await page.Locator("#passkey").IsVisibleAsync());

        await page.Locator("#email").FillAsync(admin.Email);
        await page.Locator("#password").FillAsync(admin.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/staff");
        await session.GotoAsync("/staff/account/passkeys");

        Assert.True(await page.Locator("[data-passkey-unsupported]").IsVisibleAsync());
        Assert.False(await page.Locator("#passkey-name").IsVisibleAsync());
    }

    [Fact(Timeout = 300_000)]
    public async Task Passkey_AddedAndRemoved_AppearInTheAuditLog()
    {
        var admin = DemoStaffAccounts.Accounts[0];
        await using var session = await server.OpenAsync("/staff/sign-in");
        var page = session.Page;
        await AddVirtualAuthenticatorAsync(session);
        await page.Locator("#email").FillAsync(admin.Email);
        await page.Locator("#password").FillAsync(admin.Password);
        await page.Locator("#password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/staff");

        await session.GotoAsync("/staff/account/passkeys");
        await page.Locator("#passkey-name").FillAsync("Audit test");
        await page.Locator("form[data-passkey-form=create] button").ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        await page.Locator("#passkeys tbody form button").ClickAsync();
        await page.Locator("#no-passkeys").WaitForAsync();

        await session.GotoAsync("/staff/admin/audit");
        Assert.True(await page.GetByText("staff-user.passkey-add").CountAsync() >= 1);
        Assert.True(await page.GetByText("staff-user.passkey-remove").CountAsync() >= 1);
        session.AssertNoBrowserProblems();
    }

    /// <summary>
    /// Chromium's virtual authenticator for this page: a platform authenticator that verifies the
    /// user. CDP commands have no Playwright timeout, so each gets one here: a failure, never a hang.
    /// </summary>
    private static async Task AddVirtualAuthenticatorAsync(BrowserPage session)
    {
        var limit = TimeSpan.FromSeconds(30);
        var cdp = await session.Context.NewCDPSessionAsync(session.Page).WaitAsync(limit);
        await cdp.SendAsync("WebAuthn.enable").WaitAsync(limit);
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        }).WaitAsync(limit);
    }
}
