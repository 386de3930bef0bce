using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Security;

public sealed class PrivacyLoggingTests
{
    [Fact]
    public async Task Requests_WithIdentifyingHeaders_LeaveNoTraceOfThemInLogs()
    {
        using var factory = new ServerFactory { EnvironmentName = "Production" };
        var client = factory.CreatePlainClient();
        foreach (var path in new[] { "/", "/cy/help/exit-button", "/nope", "/exit", "/test/throw", "/test/code-lookup" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.UserAgent.ParseAdd("Canary-UA-5b1f/1.0");
            request.Headers.Referrer = new Uri("https://canary-referrer-77c2.example/");
            request.Headers.Add("X-Forwarded-For", "198.51.100.199");
            using var response = await client.SendAsync(request);
        }

        Assert.NotEmpty(factory.Logs); // the unhandled exception is logged: logging itself works
        foreach (var canary in new[] { "Canary-UA-5b1f", "canary-referrer-77c2", "198.51.100.199" })
        {
            Assert.DoesNotContain(factory.Logs, line => line.Contains(canary, StringComparison.OrdinalIgnoreCase));
        }
    }
}
