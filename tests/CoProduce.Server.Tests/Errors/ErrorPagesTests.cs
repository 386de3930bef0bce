using System.Net;
using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Errors;

public sealed class ErrorPagesTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Theory]
    [InlineData("/no-such-page", "Page not found", "en")]
    [InlineData("/cy/no-such-page", "Heb ddod o hyd i’r dudalen", "cy")]
    public async Task UnknownAddress_InEitherLanguage_Shows404Page(string path, string heading, string lang)
    {
        using var response = await factory.CreatePlainClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(heading, Html.H1(html));
        Assert.Equal(lang, Html.Attribute(html, "html", "lang"));
    }

    [Fact]
    public async Task NotFoundPage_LanguageSwitch_PointsAtTheAddressAskedFor()
    {
        var html = await factory.CreatePlainClient().GetStringAsyncAllowingErrors("/cy/no-such-page?x=1");

        Assert.Contains("href=\"/no-such-page?x=1\"", html);
    }

    [Theory]
    [InlineData("/test/throw", "Sorry, there is a problem with the service")]
    [InlineData("/cy/test/throw", "Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth")]
    public async Task UnhandledException_EvenInDevelopment_ShowsFriendlyPageWithoutDetails(string path, string heading)
    {
        using var response = await factory.CreatePlainClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(heading, Html.H1(html));
        Assert.DoesNotContain("secret-stack-detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }
}

internal static class HttpClientExtensions
{
    public static async Task<string> GetStringAsyncAllowingErrors(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }
}
