using System.Net;
using CoProduce.Server.Exit;
using CoProduce.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Exit;

public sealed class ExitRouteTests
{
    [Fact]
    public async Task Exit_Always_RedirectsWith303ToTheConfiguredNeutralSite()
    {
        using var factory = new ServerFactory { Settings = new Dictionary<string, string?> { ["Exit:RedirectUrl"] = "https://weather.example/today" } };
        using var response = await factory.CreatePlainClient().GetAsync("/exit");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(new Uri("https://weather.example/today"), response.Headers.Location);
    }

    [Fact]
    public async Task Exit_ByDefault_GoesToBbcWeather()
    {
        using var factory = new ServerFactory();
        using var response = await factory.CreatePlainClient().GetAsync("/cy/exit");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(new Uri("https://www.bbc.co.uk/weather"), response.Headers.Location);
    }

    [Fact]
    public async Task Exit_Always_ClearsSiteDataAndDeletesTheDraftCookie()
    {
        using var factory = new ServerFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exit");
        request.Headers.Add("Cookie", DraftSession.CookieName + "=abc");
        using var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal("\"cache\", \"cookies\", \"storage\"", Assert.Single(response.Headers.GetValues("Clear-Site-Data")));
        var deletion = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DraftSession.CookieName + "=;", StringComparison.Ordinal));
        Assert.Contains("expires=Thu, 01 Jan 1970", deletion, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Exit_WithDraftTerminators_CallsEachWithTheDraftCookie()
    {
        var terminator = new RecordingTerminator();
        using var factory = new ServerFactory().WithServices(s => s.AddSingleton<IDraftSessionTerminator>(terminator));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exit");
        request.Headers.Add("Cookie", DraftSession.CookieName + "=draft-42");

        using var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(["draft-42"], terminator.Seen);
    }

    [Fact]
    public async Task Exit_WhenATerminatorFails_StillLeaves()
    {
        using var factory = new ServerFactory().WithServices(s => s.AddSingleton<IDraftSessionTerminator, FailingTerminator>());

        using var response = await factory.CreatePlainClient().GetAsync("/exit");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(response.Headers.Contains("Clear-Site-Data"));
    }

    [Fact]
    public async Task RespondentPage_Always_LinksTheExitButtonToOurExitRoute()
    {
        using var factory = new ServerFactory();
        var html = await factory.CreatePlainClient().GetStringAsync("/cy/help/staying-safe-online");

        Assert.Contains("data-module=\"govuk-exit-this-page\"", html);
        Assert.Matches("<a href=\"/exit\"[^>]*govuk-exit-this-page__button", html);
    }

    private sealed class RecordingTerminator : IDraftSessionTerminator
    {
        public List<string?> Seen { get; } = [];

        public Task TerminateAsync(HttpContext context, CancellationToken cancellationToken)
        {
            Seen.Add(context.Request.Cookies[DraftSession.CookieName]);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingTerminator : IDraftSessionTerminator
    {
        public Task TerminateAsync(HttpContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("storage is down");
    }
}
