using System.Net;
using CoProduce.Server.Health;
using CoProduce.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoProduce.Server.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_WhenUp_Answers200()
    {
        using var factory = new ServerFactory();

        Assert.Equal(HttpStatusCode.OK, (await factory.CreatePlainClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_WithoutAnyReadinessProbe_Answers503()
    {
        using var factory = new ServerFactory().WithServices(s => s.RemoveAll<IReadinessProbe>());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await factory.CreatePlainClient().GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_DatabaseMigratedAtStart_Answers200()
    {
        using var factory = new ServerFactory();

        Assert.Equal(HttpStatusCode.OK, (await factory.CreatePlainClient().GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_DatabaseNotMigrated_Answers503()
    {
        using var factory = new ServerFactory { Settings = new Dictionary<string, string?> { ["Storage:MigrateOnStartup"] = "false" } };

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await factory.CreatePlainClient().GetAsync("/readyz")).StatusCode);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.ServiceUnavailable)]
    public async Task Readyz_WithAProbe_FollowsIt(bool ready, HttpStatusCode expected)
    {
        using var factory = new ServerFactory().WithServices(s =>
        {
            s.RemoveAll<IReadinessProbe>();
            s.AddSingleton<IReadinessProbe>(new Probe(ready));
        });

        Assert.Equal(expected, (await factory.CreatePlainClient().GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task ScopedReadinessProbe_EachCheck_RunsInItsOwnScope()
    {
        var scopes = new List<IServiceProvider>();
        using var factory = new ServerFactory().WithServices(s =>
        {
            s.RemoveAll<IReadinessProbe>();
            s.AddSingleton<IReadinessProbe>(provider =>
                new ScopedReadinessProbe("database", (services, _) =>
                {
                    scopes.Add(services);
                    return Task.FromResult(true);
                }, provider.GetRequiredService<IServiceScopeFactory>()));
        });
        var client = factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(2, scopes.Distinct().Count());
    }

    private sealed class Probe(bool ready) : IReadinessProbe
    {
        public string Name => "database";

        public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Task.FromResult(ready);
    }
}
