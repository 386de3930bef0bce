using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Security;

public sealed class CookieTests
{
    [Fact]
    public async Task AntiforgeryCookie_InProduction_IsSecureHttpOnlyAndStrict()
    {
        using var factory = new ServerFactory { EnvironmentName = "Production" };
        using var response = await factory.CreateHttpsClient().GetAsync("/test/form");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("coproduce-af=", StringComparison.Ordinal));
        AssertFlags(cookie, secure: true);
    }

    [Fact]
    public async Task DraftCookieDeletion_InProduction_IsSecureHttpOnlyAndStrict()
    {
        using var factory = new ServerFactory { EnvironmentName = "Production" };
        using var response = await factory.CreateHttpsClient().GetAsync("/exit");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("coproduce-draft=", StringComparison.Ordinal));
        AssertFlags(cookie, secure: true);
    }

    [Fact]
    public async Task AntiforgeryCookie_InDevelopmentOverPlainHttp_IsHttpOnlyAndStrictButNotSecure()
    {
        using var factory = new ServerFactory();
        using var response = await factory.CreatePlainClient().GetAsync("/test/form");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("coproduce-af=", StringComparison.Ordinal));
        AssertFlags(cookie, secure: false);
    }

    private static void AssertFlags(string setCookie, bool secure)
    {
        var flags = setCookie.ToLowerInvariant();
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=strict", flags);
        Assert.Equal(secure, flags.Contains("; secure", StringComparison.Ordinal));
    }
}
