using CoProduce.Browser.Tests.Infrastructure;
using CoProduce.Core.Organisations;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Staff;

/// <summary>The browser fixture with the Development demo content: demo organisations and staff accounts.</summary>
public sealed class StaffBrowserFixture : BrowserFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "true");
    }
}

[CollectionDefinition(Name)]
public sealed class StaffBrowserCollection : ICollectionFixture<StaffBrowserFixture>
{
    public const string Name = "staff-browser";
}

/// <summary>Staff sign-in and the administrator's pages in real Chromium, English and Welsh, with axe-core.</summary>
[Collection(StaffBrowserCollection.Name)]
public sealed class StaffBrowserTests(StaffBrowserFixture server)
{
    private static readonly DemoStaffAccounts.DemoAccount Admin = DemoStaffAccounts.Accounts[0];

    public static TheoryData<string> AdminPages()
    {
        var data = new TheoryData<string>();
        foreach (var prefix in new[] { "", "/cy" })
        {
            foreach (var page in new[]
            {
                "/staff", "/staff/account", "/staff/account/password", "/staff/account/two-factor", "/staff/account/api-tokens",
                "/staff/admin/organisations", "/staff/admin/organisations/edit", $"/staff/admin/organisations/edit/{DemoOrganisation.ServiceId.Value}",
                "/staff/admin/users", "/staff/admin/users/new", "/staff/admin/analysts", "/staff/admin/audit",
            })
            {
                data.Add(prefix + page);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("", "en", "Sign in to CoProduce")]
    [InlineData("/cy", "cy", "Mewngofnodi i CoProduce")]
    public async Task SignIn_WithKeyboardInEitherLanguage_ReachesStaffHomeAndPassesAxe(string prefix, string lang, string heading)
    {
        await using var session = await server.OpenAsync($"{prefix}/staff/sign-in");
        var page = session.Page;
        Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(0, await page.Locator(".govuk-exit-this-page").CountAsync());
        await session.AssertAccessibleAsync();

        await page.Locator("#password").FillAsync("wrong password 1A");
        await page.Locator("#email").FillAsync(Admin.Email);
        await page.Locator("#password").PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await session.AssertAccessibleAsync();

        await page.Locator("#email").FillAsync(Admin.Email);
        await page.Locator("#password").FillAsync(Admin.Password);
        await page.Locator("#password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{prefix}/staff");
        await session.AssertAccessibleAsync();
        session.AssertNoBrowserProblems();
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_SignedInAsAdministrator_PassesAxeWithoutBrowserErrors(string path)
    {
        await using var session = await SignedInAsync(path.StartsWith("/cy", StringComparison.Ordinal) ? "/cy" : "");
        await session.GotoAsync(path);

        await session.AssertAccessibleAsync();
        session.AssertNoBrowserProblems();
        Assert.Equal(0, await session.Page.Locator(".govuk-exit-this-page").CountAsync());
    }

    [Fact]
    public async Task CreateOrganisationAndAccount_WithoutJavaScript_ShowsThemInTheListsAndAuditLog()
    {
        await using var session = await SignedInAsync("", javaScriptEnabled: false);
        var page = session.Page;
        var name = $"Llamau Test {Guid.NewGuid():N}"[..24];
        await session.GotoAsync("/staff/admin/organisations/edit");
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#kind").SelectOptionAsync("SpecialistService");
        await page.Locator("#communities").FillAsync("Young women\nCare leavers");
        await page.Locator("#welsh-Full").CheckAsync();
        await page.Locator("#by-and-for").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/admin/organisations");
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = name }).CountAsync());

        await session.GotoAsync("/staff/admin/users/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        // No axe here: it needs scripts, which this browser has off (the theory above covers the page).
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await page.Locator("#email").FillAsync($"new-{Guid.NewGuid():N}@example.org");
        await page.Locator("#display-name").FillAsync("Nia Analyst");
        await page.Locator("#organisation").SelectOptionAsync(new SelectOptionValue { Label = name });
        await page.Locator("#role-Analyst").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        Assert.NotEmpty(await page.Locator("#temporary-password").InnerTextAsync());

        await session.GotoAsync("/staff/admin/audit");
        Assert.True(await page.GetByText("organisation.create").CountAsync() >= 1);
        Assert.True(await page.GetByText("staff-user.create").CountAsync() >= 1);
    }

    private async Task<BrowserPage> SignedInAsync(string prefix, bool javaScriptEnabled = true)
    {
        var session = await server.OpenAsync($"{prefix}/staff/sign-in", javaScriptEnabled);
        await session.Page.Locator("#email").FillAsync(Admin.Email);
        await session.Page.Locator("#password").FillAsync(Admin.Password);
        await session.Page.Locator("#password").PressAsync("Enter");
        try
        {
            await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{prefix}/staff");
        }
        catch (TimeoutException e)
        {
            // Say where the browser was and what the page said, so a rare failure can be diagnosed from CI's log.
            var said = await session.Page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no main)", TaskScheduler.Default);
            throw new TimeoutException($"Signing in did not reach {prefix}/staff: the browser is at {session.Page.Url}, showing: {said}", e);
        }

        return session;
    }
}
