using System.Net;
using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Security;

public sealed class AntiforgeryTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Theory]
    [InlineData("/privacy", "This form could not be sent", "en")]
    [InlineData("/cy/privacy", "Nid oedd modd anfon y ffurflen hon", "cy")]
    public async Task Post_WithoutToken_ShowsTheLocalisedFormProblemPage(string path, string heading, string lang)
    {
        using var response = await factory.CreatePlainClient().PostAsync(path, new FormUrlEncodedContent([new("answer", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(heading, Html.H1(html));
        Assert.Equal(lang, Html.Attribute(html, "html", "lang"));
    }

    [Fact]
    public async Task Post_WithTamperedToken_ShowsTheFormProblemPageNotAStackTrace()
    {
        var client = factory.CreatePlainClient();
        using var tokenResponse = await client.GetAsync("/test/form");
        var token = await tokenResponse.Content.ReadAsStringAsync();
        var cookie = tokenResponse.Headers.GetValues("Set-Cookie").First().Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/privacy")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token[..^4] + "AAAA")]),
        };
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("This form could not be sent", Html.H1(html));
        Assert.DoesNotContain("Exception", html);
    }
}
