using System.Text.RegularExpressions;
using CoProduce.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Staff;

/// <summary>
/// A commissioner authors a consultation in English and Welsh in real Chromium, previews it in both
/// languages, checks it and opens it; then a respondent answers it in Welsh. axe-core (WCAG 2.2 AA)
/// runs on every staff page visited, in English and in Welsh.
/// </summary>
[Collection(AuthoringBrowserCollection.Name)]
public sealed partial class AuthoringBrowserTests(AuthoringBrowserFixture server)
{
    /// <summary>Every text the readiness check needs, by the content form's field ids (English, Welsh).</summary>
    private static readonly (string Field, string En, string Cy)[] Texts =
    [
        ("Form-Summary", "We want to hear about support after sexual violence.", "Rydym am glywed am gymorth ar ôl trais rhywiol."),
        ("Form-Body", "Tell us what helps.", "Dywedwch wrthym beth sy'n helpu."),
        ("Form-IssuingBody", "The regional partnership", "Y bartneriaeth ranbarthol"),
        ("Form-ContactName", "Commissioning team", "Tîm comisiynu"),
        ("Form-Controller", "The regional partnership", "Y bartneriaeth ranbarthol"),
        ("Form-LawfulBasis", "Public task", "Tasg gyhoeddus"),
        ("Form-WhoSeesResponses", "The commissioning team", "Y tîm comisiynu"),
        ("Form-Publication", "We publish a summary.", "Rydym yn cyhoeddi crynodeb."),
        ("Form-RedactionOnRequest", "We remove names on request.", "Rydym yn dileu enwau ar gais."),
        ("Form-FreedomOfInformation", "FOI may apply.", "Gall Rhyddid Gwybodaeth fod yn berthnasol."),
        ("Form-Rights", "You have rights.", "Mae gennych hawliau."),
    ];

    [Fact]
    public async Task AuthorInBothLanguages_PreviewOpen_ThenRespondentAnswersInWelsh()
    {
        var reference = $"BA{Random.Shared.Next(10_000, 99_999)}";
        await using var staff = await SignInAsync();
        var page = staff.Page;

        // The list, then create (English UI).
        await staff.GotoAsync("/staff/consultations");
        await Checked(staff);
        await page.Locator("main a.govuk-button[href$='/staff/consultations/new']").ClickAsync();
        await Checked(staff);
        await page.Locator("#Form-Reference").FillAsync(reference);
        await page.Locator("#Form-Title-En").FillAsync("Support after sexual violence");
        await page.Locator("#Form-Title-Cy").FillAsync("Cymorth ar ôl trais rhywiol");
        await page.Locator("main form button.govuk-button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/staff/consultations/[0-9a-f-]{36}$"));
        await Checked(staff);
        var overview = new Uri(page.Url).AbsolutePath;

        // The readiness check in Welsh lists what is missing.
        await staff.GotoAsync("/cy" + overview + "/readiness");
        await Checked(staff);
        Assert.Contains("Cymraeg", await page.Locator("main table").InnerTextAsync());

        // Every text, English and Welsh side by side (Welsh UI).
        await staff.GotoAsync("/cy" + overview + "/content");
        await Checked(staff);
        foreach (var (field, en, cy) in Texts)
        {
            await page.Locator($"#{field}-En").FillAsync(en);
            await page.Locator($"#{field}-Cy").FillAsync(cy);
        }

        await page.Locator("main form button.govuk-button").Last.ClickAsync();
        await page.WaitForURLAsync(new Regex("/cy/staff/consultations/[0-9a-f-]{36}$"));
        await Checked(staff);

        // A section and a question (English UI).
        await staff.GotoAsync(overview + "/questionnaire");
        await Checked(staff);
        await page.Locator("main a.govuk-button[href$='/questionnaire/section']").ClickAsync();
        await Checked(staff);
        await page.Locator("#SectionId").FillAsync("your-views");
        await page.Locator("#Title-En").FillAsync("Your views");
        await page.Locator("#Title-Cy").FillAsync("Eich barn");
        await page.Locator("main form button.govuk-button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/questionnaire"));
        await Checked(staff);
        await page.Locator("#type-your-views").SelectOptionAsync("LongText");
        await page.Locator("#section-your-views form[method='get'] button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/questionnaire/question"));
        await Checked(staff);
        await page.Locator("#Form-Id").FillAsync("what-helps");
        await page.Locator("#Form-Text-En").FillAsync("What helps you most?");
        await page.Locator("#Form-Text-Cy").FillAsync("Beth sy'n eich helpu fwyaf?");
        await page.Locator("main form button.govuk-button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/questionnaire"));
        await Checked(staff);
        Assert.Contains("Beth sy'n eich helpu fwyaf?", await page.Locator("main").InnerTextAsync());

        // Ready; preview in English and in Welsh.
        await staff.GotoAsync(overview + "/readiness");
        await Checked(staff);
        await page.Locator(".govuk-panel--confirmation").WaitForAsync();
        await staff.GotoAsync(overview + "/preview");
        await Checked(staff);
        Assert.Equal("Support after sexual violence", (await page.Locator("main h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#what-helps").IsDisabledAsync());
        await page.Locator(".govuk-notification-banner__link").ClickAsync();
        await page.WaitForURLAsync(new Regex("/cy/staff/consultations/.*/preview"));
        await Checked(staff);
        Assert.Equal("Cymorth ar ôl trais rhywiol", (await page.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Contains("Beth sy'n eich helpu fwyaf?", await page.Locator("main").InnerTextAsync());

        // Open it now, with confirmation (Welsh UI).
        await staff.GotoAsync("/cy" + overview);
        await Checked(staff);
        await page.Locator("main a[href$='/lifecycle/open']").ClickAsync();
        await Checked(staff);
        await page.Locator("main form button.govuk-button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/cy/staff/consultations/[0-9a-f-]{36}$"));
        await Checked(staff);
        Assert.Contains("Ar agor", await page.Locator("main .govuk-tag").First.InnerTextAsync());
        staff.AssertNoBrowserProblems();

        // A respondent answers it, in Welsh.
        await using var respondent = await server.OpenAsync($"/cy/consultations/{reference.ToLowerInvariant()}");
        var r = respondent.Page;
        Assert.Contains("Cymorth ar ôl trais rhywiol", await r.Locator("h1").InnerTextAsync());
        await r.Locator("a.govuk-button--start").ClickAsync();
        await r.Locator("main form button").ClickAsync();
        await r.WaitForURLAsync("**/cy/respond/section/your-views");
        await Checked(respondent);
        await r.Locator("#what-helps").FillAsync("Cael siarad yn Gymraeg.");
        await r.Locator("main form button.govuk-button:not(.govuk-button--secondary)").First.ClickAsync();
        await r.WaitForURLAsync("**/cy/respond/about-you");
        await r.Locator("main form button.govuk-button:not(.govuk-button--secondary)").First.ClickAsync();
        await r.WaitForURLAsync("**/cy/respond/check-your-answers");
        Assert.Contains("Cael siarad yn Gymraeg.", await r.Locator("main").InnerTextAsync());
        await r.Locator("#send-response").ClickAsync();
        await r.Locator("#receipt-code").WaitForAsync();

        // The commissioner sees it, as plain text.
        await staff.GotoAsync(overview + "/responses");
        await Checked(staff);
        await page.Locator("main table a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/responses/[0-9a-f-]{36}$"));
        await Checked(staff);
        Assert.Contains("Cael siarad yn Gymraeg.", await page.Locator("main").InnerTextAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/cy")]
    public async Task EveryStaffPage_EnglishAndWelsh_IsAccessible(string language)
    {
        var id = server.Sample.Value;
        var pages = new[]
        {
            "/staff/consultations",
            "/staff/consultations/new",
            "/staff/consultations/import",
            $"/staff/consultations/{id}",
            $"/staff/consultations/{id}/settings",
            $"/staff/consultations/{id}/content",
            $"/staff/consultations/{id}/questionnaire",
            $"/staff/consultations/{id}/questionnaire/section/services",
            $"/staff/consultations/{id}/questionnaire/question/which-services",
            $"/staff/consultations/{id}/questionnaire/question?section=services&type=Ranking",
            $"/staff/consultations/{id}/questionnaire/question?section=experience&type=Scale",
            $"/staff/consultations/{id}/questionnaire/question?section=experience&type=Number",
            $"/staff/consultations/{id}/preview",
            $"/staff/consultations/{id}/readiness",
            $"/staff/consultations/{id}/lifecycle/extend",
            $"/staff/consultations/{id}/lifecycle/close",
            $"/staff/consultations/{id}/responses",
            $"/staff/consultations/{id}/responses/new",
            $"/staff/consultations/{id}/responses/{server.SampleResponse.Value}",
            $"/staff/consultations/{id}/responses/{server.SampleResponse.Value}?delete=true",
        };
        await using var staff = await SignInAsync();

        foreach (var path in pages)
        {
            await staff.GotoAsync(language + path);
            await Checked(staff);
            Assert.Equal(language == "/cy" ? "cy" : "en", await staff.Page.Locator("html").GetAttributeAsync("lang"));
        }

        // A form sent with mistakes shows its errors accessibly too.
        await staff.GotoAsync($"{language}/staff/consultations/{id}/responses/new");
        await staff.Page.Locator("#town").FillAsync(new string('x', 41));
        await staff.Page.Locator("main form button.govuk-button").Last.ClickAsync();
        await staff.Page.Locator(".govuk-error-summary").WaitForAsync();
        await Checked(staff);
        staff.AssertNoBrowserProblems();
    }

    private async Task<BrowserPage> SignInAsync()
    {
        var staff = await server.OpenAsync("/staff/sign-in");
        await staff.Page.Locator("#email").FillAsync(AuthoringBrowserFixture.Email);
        await staff.Page.Locator("#password").FillAsync(AuthoringBrowserFixture.Password);
        await staff.Page.Locator("#password").PressAsync("Enter");
        await staff.Page.WaitForURLAsync(new Regex("/staff"));
        return staff;
    }

    private static async Task Checked(BrowserPage session)
    {
        await session.Page.WaitForLoadStateAsync(LoadState.Load);
        await session.AssertAccessibleAsync();
    }
}
