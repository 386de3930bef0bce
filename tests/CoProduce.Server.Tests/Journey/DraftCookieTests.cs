using System.Net;
using CoProduce.Testing;

namespace CoProduce.Server.Tests.Journey;

/// <summary>The draft session cookie outside development: the only link to a draft, and locked down.</summary>
public sealed class DraftCookieTests(SqliteTestDatabase database) : JourneyTestBase(database, "Production"), IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task StartResponse_InProduction_SetsAnHttpOnlyStrictSecureSessionCookie()
    {
        var reference = await ImportConsultationAsync();
        var client = Factory.CreateHttpsClient();
        var form = await client.GetAsync($"/consultations/{reference.ToLowerInvariant()}/before-you-start");
        var html = await form.Content.ReadAsStringAsync();
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/consultations/{reference.ToLowerInvariant()}/before-you-start")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", JourneyClient.AntiforgeryToken(html)!)]), // The page has a form.
        };
        request.Headers.Add("Cookie", antiforgeryCookie);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("coproduce-draft=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("secure", cookie);
        Assert.DoesNotContain("expires", cookie);
        Assert.DoesNotContain("max-age", cookie);
    }

    [Fact]
    public async Task ErrorPage_InTheJourney_TitleSaysError()
    {
        var browser = NewBrowser(Factory.CreateClient(new() { BaseAddress = new Uri("https://coproduce.example/"), AllowAutoRedirect = true }));
        await browser.GetAsync("/respond/continue");

        await browser.PostAsync("/respond/continue", ("resume-code", "nope"));

        Assert.Contains("<title>" + Strings.En("Journey.ErrorTitle").Replace("{0}", Strings.En("Journey.Resume.Title"), StringComparison.Ordinal), browser.Html);
    }
}
