using System.Net;
using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Security;

public sealed class RateLimitTests
{
    [Theory]
    [InlineData("/test/code-lookup", "Too many attempts", "Wait 2 minutes")]
    [InlineData("/cy/test/code-lookup", "Gormod o ymdrechion", "Arhoswch 2 funud")]
    public async Task CodeLookup_OverTheLimit_Shows429PageInTheRightLanguage(string path, string heading, string wait)
    {
        using var factory = new ServerFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["RateLimits:CodeLookup:PermitLimit"] = "2",
                ["RateLimits:CodeLookup:Window"] = "00:02:00",
            }
        };
        var client = factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        using var rejected = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var html = await rejected.Content.ReadAsStringAsync();
        Assert.Equal(heading, Html.H1(html));
        Assert.Contains(wait, html);
    }

    [Fact]
    public async Task OtherPages_AfterTheCodeLookupLimit_StillAnswer()
    {
        using var factory = new ServerFactory { Settings = new Dictionary<string, string?> { ["RateLimits:CodeLookup:PermitLimit"] = "1" } };
        var client = factory.CreatePlainClient();
        await client.GetAsync("/test/code-lookup");
        await client.GetAsync("/test/code-lookup");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/privacy")).StatusCode);
    }
}
