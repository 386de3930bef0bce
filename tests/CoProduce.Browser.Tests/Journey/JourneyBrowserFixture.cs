using CoProduce.Browser.Tests.Infrastructure;
using CoProduce.Core.Consultations;
using CoProduce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Browser.Tests.Journey;

/// <summary>The browser fixture with the sample consultation (every question type, a content warning) open.</summary>
public sealed class JourneyBrowserFixture : BrowserFixture, IAsyncLifetime
{
    public const string Reference = "BROWSER1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Several journeys look codes up from the same loopback address.
        builder.UseSetting("RateLimits:CodeLookup:PermitLimit", "1000");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var now = DateTimeOffset.UtcNow;
        await using var scope = Services.CreateAsyncScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ImportConsultation>()
            .HandleAsync(SampleConsultation.Definition(Reference, now.AddDays(-1), now.AddDays(30)));
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
    }
}

[CollectionDefinition(Name)]
public sealed class JourneyBrowserCollection : ICollectionFixture<JourneyBrowserFixture>
{
    public const string Name = "journey-browser";
}
