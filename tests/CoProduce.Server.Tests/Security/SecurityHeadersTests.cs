using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Security;

public sealed class SecurityHeadersTests : IClassFixture<ServerFactory>
{
    private readonly HttpClient _client;

    public SecurityHeadersTests(ServerFactory factory) => _client = factory.CreatePlainClient();

    public static TheoryData<string> Paths => new()
    {
        "/", "/cy", "/help/exit-button", "/cy/help/staying-safe-online", "/accessibility", "/privacy", "/cookies",
        "/nope", "/cy/nope", "/error/500", "/exit", "/healthz", "/lib/app.css", "/js/app.js",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task AnyResponse_Always_CarriesTheSecurityHeaders(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'", "script-src 'self'" })
        {
            Assert.Contains(directive, csp);
        }
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("http", csp);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Page_InProductionOverHttps_SendsHsts()
    {
        using var factory = new ServerFactory { EnvironmentName = "Production" };
        using var response = await factory.CreateHttpsClient().GetAsync("/");

        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Page_Always_HasNoInlineScriptOrStyle()
    {
        var html = await _client.GetStringAsync("/help/exit-button");

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotContain(" onclick=", html);
    }
}
