using System.Text.RegularExpressions;
using CoProduce.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Journey;

/// <summary>
/// The respondent's whole journey in real Chromium, in English and in Welsh, with axe-core (WCAG 2.2
/// AA) on every page visited; the Shift ×3 exit; and the journey without JavaScript.
/// </summary>
[Collection(JourneyBrowserCollection.Name)]
public sealed partial class JourneyBrowserTests(JourneyBrowserFixture server)
{
    private const string Services = "/respond/section/services";

    [Theory]
    [InlineData("")]
    [InlineData("/cy")]
    public async Task WholeJourney_FindAnswerSaveResumeSkipChangeSendWithdraw(string language)
    {
        var welsh = language == "/cy";
        string code;
        await using (var first = await server.OpenAsync(language + "/"))
        {
            var page = first.Page;
            await Checked(first);

            // Find the consultation.
            await page.Locator("main a.govuk-button[href$='/consultations']").ClickAsync();
            await Checked(first);
            await page.Locator($"a[href$='/consultations/{JourneyBrowserFixture.Reference.ToLowerInvariant()}']").ClickAsync();
            await Checked(first);
            Assert.Contains(welsh ? "[cy] Consultation" : "Consultation BROWSER1", await page.Locator("h1").InnerTextAsync());
            await page.Locator("a.govuk-button--start").ClickAsync();
            await Checked(first);
            Assert.Contains("/help/exit-button", await page.Locator("main").InnerHTMLAsync());
            await page.Locator("main form button").ClickAsync();

            // Section 1: radios with a conditional reveal, checkboxes, text, number, ranking.
            await page.WaitForURLAsync($"**{language}{Services}");
            await Checked(first);
            Assert.False(await page.Locator("#which-services").IsVisibleAsync());
            await page.Locator("#used-services").CheckAsync();
            Assert.True(await page.Locator("#which-services").IsVisibleAsync());
            await page.Locator("#which-services").CheckAsync();
            await page.Locator("#which-services-3").CheckAsync();
            await page.Locator("#town").FillAsync("Aberystwyth");
            await page.Locator("#miles-travelled").FillAsync("12");
            await page.Locator("#priorities").SelectOptionAsync("speed:2");
            await page.Locator("#priorities-2").SelectOptionAsync("near:1");
            await Checked(first);
            await ContinueAsync(page);

            // The content warning: skip the section.
            await page.WaitForURLAsync("**/content-warning");
            await Checked(first);
            await page.Locator("#skip-section").ClickAsync();

            // The equality section: save and come back later.
            await page.WaitForURLAsync($"**{language}/respond/section/equality");
            await Checked(first);
            await page.Locator("form button.govuk-button--secondary").ClickAsync();
            await page.Locator("#resume-code").WaitForAsync();
            await Checked(first);
            code = (await page.Locator("#resume-code").InnerTextAsync()).Trim();
            Assert.Matches(CodePattern(), code);
        }

        // Another browser (or the same one after closing it): continue with the code.
        await using var second = await server.OpenAsync(language + "/respond/continue");
        var p = second.Page;
        await Checked(second);
        await p.Locator("#resume-code").FillAsync(code.ToLowerInvariant());
        await p.Locator("main form button").ClickAsync();
        await p.WaitForURLAsync($"**{language}/respond/check-your-answers");
        await Checked(second);
        var summary = await p.Locator("main").InnerTextAsync();
        Assert.Contains("Aberystwyth", summary);
        Assert.Contains(welsh ? "Dewisoch hepgor yr adran hon." : "You chose to skip this section.", summary);

        // Change one answer and come back to check your answers.
        await p.Locator("#answer-town a").ClickAsync();
        await p.WaitForURLAsync(new Regex("return=check"));
        await Checked(second);
        Assert.Equal("Aberystwyth", await p.Locator("#town").InputValueAsync());
        Assert.Equal("12", await p.Locator("#miles-travelled").InputValueAsync());
        Assert.True(await p.Locator("#which-services-3").IsCheckedAsync());
        await p.Locator("#town").FillAsync("Bangor");
        await ContinueAsync(p);
        await p.WaitForURLAsync($"**{language}/respond/check-your-answers");
        Assert.Contains("Bangor", await p.Locator("main").InnerTextAsync());

        // How we can use your response: as an organisation, revealed name field.
        await p.Locator("a[href$='/respond/about-you']").First.ClickAsync();
        await Checked(second);
        await p.Locator("#responding-as-2").CheckAsync();
        await p.Locator("#organisation-name").FillAsync("Cymorth Cymru");
        await p.Locator("#may-quote").CheckAsync();
        await Checked(second);
        await ContinueAsync(p);
        await p.WaitForURLAsync($"**{language}/respond/check-your-answers");
        Assert.Contains("Cymorth Cymru", await p.Locator("main").InnerTextAsync());

        // Send, and get the receipt.
        await p.Locator("#send-response").ClickAsync();
        await p.Locator("#receipt-code").WaitForAsync();
        await Checked(second);
        var receipt = (await p.Locator("#receipt-code").InnerTextAsync()).Trim();
        Assert.Matches(CodePattern(), receipt);
        Assert.NotEqual(code, receipt);

        // Withdraw it.
        await p.Locator("main a[href$='/withdraw']").ClickAsync();
        await Checked(second);
        await p.Locator("#receipt-code").FillAsync(receipt);
        await p.Locator("main form button").ClickAsync();
        await p.WaitForURLAsync($"**{language}/withdraw/done");
        await Checked(second);
        second.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task SectionPage_ShiftPressedThreeTimes_ExitsAndEndsTheDraft()
    {
        await using var session = await server.OpenAsync($"/consultations/{JourneyBrowserFixture.Reference.ToLowerInvariant()}/before-you-start");
        var page = session.Page;
        await page.Locator("main form button").ClickAsync();
        await page.WaitForURLAsync($"**{Services}");
        await page.Locator("body.govuk-frontend-supported").WaitForAsync();
        Assert.Contains(await session.Context.CookiesAsync(), cookie => cookie.Name == "coproduce-draft");

        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(BrowserFixture.NeutralSite)));
        Assert.DoesNotContain(await session.Context.CookiesAsync(), cookie => cookie.Name == "coproduce-draft");
        await session.GotoAsync(Services);
        Assert.EndsWith("/respond/no-saved-answers", page.Url);
    }

    [Fact]
    public async Task WholeJourney_WithoutJavaScript_Works()
    {
        await using var session = await server.OpenAsync($"/cy/consultations/{JourneyBrowserFixture.Reference.ToLowerInvariant()}/before-you-start", javaScriptEnabled: false);
        var page = session.Page;
        await page.Locator("main form button").ClickAsync();
        await page.WaitForURLAsync($"**/cy{Services}");

        // Without JavaScript the conditional question is simply shown.
        Assert.True(await page.Locator("#which-services").IsVisibleAsync());
        await page.Locator("#used-services").CheckAsync();
        await page.Locator("#which-services-2").CheckAsync();
        await page.Locator("#town").FillAsync("Caerfyrddin");
        await ContinueAsync(page);
        await page.WaitForURLAsync("**/content-warning");
        await page.Locator("#continue-section").ClickAsync();
        await page.WaitForURLAsync(new Regex("warning=seen"));
        await page.Locator("#story").FillAsync("Roedd yn anodd cael help.");
        await page.Locator("#rating-3").CheckAsync();
        await ContinueAsync(page);
        await page.WaitForURLAsync("**/cy/respond/section/equality");
        await ContinueAsync(page);
        await page.WaitForURLAsync("**/cy/respond/about-you");
        await ContinueAsync(page);
        await page.WaitForURLAsync("**/cy/respond/check-your-answers");
        var summary = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Caerfyrddin", summary);
        Assert.Contains("Roedd yn anodd cael help.", summary);

        await page.Locator("#send-response").ClickAsync();
        await page.Locator("#receipt-code").WaitForAsync();
        Assert.Matches(CodePattern(), (await page.Locator("#receipt-code").InnerTextAsync()).Trim());
    }

    private static async Task Checked(BrowserPage session)
    {
        await session.Page.WaitForLoadStateAsync(LoadState.Load);
        await session.AssertAccessibleAsync();
    }

    private static Task ContinueAsync(IPage page) =>
        page.Locator("main form button.govuk-button:not(.govuk-button--secondary)").First.ClickAsync();

    [GeneratedRegex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$")]
    private static partial Regex CodePattern();
}
