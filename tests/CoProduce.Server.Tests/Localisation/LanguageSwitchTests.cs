using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Localisation;

public sealed class LanguageSwitchTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Theory]
    [InlineData("/", "en", "/cy", "cy")]
    [InlineData("/cy", "cy", "/", "en")]
    [InlineData("/cy/", "cy", "/", "en")]
    [InlineData("/help/exit-button", "en", "/cy/help/exit-button", "cy")]
    [InlineData("/cy/help/exit-button", "cy", "/help/exit-button", "en")]
    [InlineData("/privacy?consultation=WG12345", "en", "/cy/privacy?consultation=WG12345", "cy")]
    [InlineData("/CY/cookies", "cy", "/cookies", "en")]
    public async Task Page_Always_LinksToTheSamePageInTheOtherLanguage(string path, string lang, string otherUrl, string otherLang)
    {
        var html = await factory.CreatePlainClient().GetStringAsync(path);

        Assert.Equal(lang, Html.Attribute(html, "html", "lang"));
        var link = $"<a class=\"govuk-language-navigation__link\" href=\"{otherUrl}\" rel=\"alternate\" lang=\"{otherLang}\" hreflang=\"{otherLang}\">";
        Assert.Contains(link, html);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"{otherLang}\" href=\"{otherUrl}\">", html);
    }

    [Fact]
    public async Task WelshPage_Always_KeepsLinksInWelsh()
    {
        var html = await factory.CreatePlainClient().GetStringAsync("/cy/privacy");

        Assert.Contains("href=\"/cy/cookies\"", html);
        Assert.Contains("href=\"/cy/help/exit-button\"", html);
    }

    [Theory]
    [InlineData("/accessibility", "21 November 2026")]
    [InlineData("/cy/accessibility", "21 Tachwedd 2026")]
    public async Task Dates_AreFormattedForTheLanguage(string path, string date) =>
        Assert.Contains(date, await factory.CreatePlainClient().GetStringAsync(path));

    [Fact]
    public async Task Page_AskedInWelshByTheBrowserOnly_StaysInTheLanguageOfTheAddress()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cookies");
        request.Headers.AcceptLanguage.ParseAdd("cy");
        using var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal("en", Html.Attribute(await response.Content.ReadAsStringAsync(), "html", "lang"));
    }
}
