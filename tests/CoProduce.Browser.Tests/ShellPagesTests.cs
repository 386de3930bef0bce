using System.Text.RegularExpressions;
using CoProduce.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests;

/// <summary>The pages of the web shell, in English and Welsh, in real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellPagesTests(BrowserFixture server)
{
    public static TheoryData<string> Pages => new()
    {
        "/", "/help/exit-button", "/help/staying-safe-online", "/accessibility", "/privacy", "/cookies",
        "/cy", "/cy/help/exit-button", "/cy/help/staying-safe-online", "/cy/accessibility", "/cy/privacy", "/cy/cookies",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_InEitherLanguage_PassesAxeWithoutBrowserErrors(string path)
    {
        await using var session = await server.OpenAsync(path);

        await session.AssertAccessibleAsync();
        session.AssertNoBrowserProblems();
        var lang = await session.Page.GetAttributeAsync("html", "lang");
        Assert.Equal(path.StartsWith("/cy", StringComparison.Ordinal) ? "cy" : "en", lang);
    }

    [Theory]
    [InlineData("/nope", "en")]
    [InlineData("/cy/nope", "cy")]
    public async Task NotFoundPage_InEitherLanguage_PassesAxe(string path, string lang)
    {
        await using var session = await server.OpenAsync("");
        await session.GotoAsync(path, expectedStatus: 404);

        await session.AssertAccessibleAsync();
        Assert.Equal(lang, await session.Page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task LanguageSwitch_FromEnglishAndBack_KeepsThePage()
    {
        await using var session = await server.OpenAsync("/help/staying-safe-online");
        var page = session.Page;
        var englishHeading = await page.Locator("h1").InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await page.WaitForURLAsync("**/cy/help/staying-safe-online");
        Assert.Equal("cy", await page.GetAttributeAsync("html", "lang"));
        Assert.NotEqual(englishHeading, await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/help/staying-safe-online");
        Assert.Equal(englishHeading, await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task ExitThisPage_ShiftPressedThreeTimes_LeavesForTheNeutralSiteAndClearsTheDraftCookie()
    {
        await using var session = await server.OpenAsync("/help/exit-button");
        await AddDraftCookieAsync(session);
        var page = session.Page;
        // With JavaScript the component marks itself as enhanced; wait for that before pressing keys.
        await page.Locator("body.govuk-frontend-supported").WaitForAsync();

        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");

        await Assertions.Expect(page).ToHaveURLAsync(NeutralSite);
        Assert.DoesNotContain(await session.Context.CookiesAsync(), cookie => cookie.Name == "coproduce-draft");
    }

    [Fact]
    public async Task ExitThisPage_WithoutJavaScript_TheLinkLeavesForTheNeutralSite()
    {
        await using var session = await server.OpenAsync("/cy/help/staying-safe-online", javaScriptEnabled: false);
        await AddDraftCookieAsync(session);

        await session.Page.Locator(".govuk-exit-this-page a").ClickAsync();

        await Assertions.Expect(session.Page).ToHaveURLAsync(NeutralSite);
        Assert.DoesNotContain(await session.Context.CookiesAsync(), cookie => cookie.Name == "coproduce-draft");
    }

    // The component's script navigates as well as following the link; the browser can report an
    // aborted first attempt, so tests poll for the final address rather than wait for one navigation.
    private static readonly Regex NeutralSite = new("^" + Regex.Escape(BrowserFixture.NeutralSite));

    private Task AddDraftCookieAsync(BrowserPage session) =>
        session.Context.AddCookiesAsync([new Cookie
        {
            Name = "coproduce-draft",
            Value = "draft-under-test",
            Url = server.BaseAddress.ToString(),
            HttpOnly = true,
            SameSite = SameSiteAttribute.Strict,
        }]);
}
