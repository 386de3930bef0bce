using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Storage;
using CoProduce.Server.Tests.Infrastructure;
using CoProduce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Journey;

/// <summary>
/// The real server on a real database (one per test class, SQLite or PostgreSQL), with a clock the
/// test controls and the sample consultation imported fresh for each test.
/// </summary>
public abstract class JourneyTestBase : IDisposable
{
    protected JourneyTestBase(TestDatabase database, string environmentName = "Development")
    {
        Database = database;
        var settings = new Dictionary<string, string?>(database.Configuration)
        {
            ["Storage:MigrateOnStartup"] = "true",
            ["Demo:Seed"] = "false",
            // Tests look codes up more often than a person would.
            ["RateLimits:CodeLookup:PermitLimit"] = "10000",
        };
        Factory = new ServerFactory { Settings = settings, EnvironmentName = environmentName }
            .WithServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    protected TestDatabase Database { get; }

    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected ServerFactory Factory { get; }

    protected static readonly string Services = SampleConsultation.Services.Value;
    protected static readonly string Experience = SampleConsultation.Experience.Value;
    protected static readonly string Equality = EqualityMonitoring.SectionId.Value;

    protected static string SectionUrl(string section) => $"/respond/section/{section}";

    protected static string WarningUrl(string section) => $"/respond/section/{section}/content-warning";

    protected const string CheckUrl = "/respond/check-your-answers";
    protected const string AboutYouUrl = "/respond/about-you";

    public JourneyClient NewBrowser(HttpClient? client = null) =>
        new(client ?? Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

    /// <summary>Imports the sample consultation (open an hour ago, closing in four weeks); returns its reference.</summary>
    protected async Task<string> ImportConsultationAsync(bool requiredQuestion = false)
    {
        var reference = $"J{Random.Shared.Next(100_000, 999_999)}";
        var now = Time.GetUtcNow();
        var definition = SampleConsultation.Definition(reference, now.AddHours(-1), now.AddDays(28), requiredQuestion: requiredQuestion);
        await using var scope = Factory.Services.CreateAsyncScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ImportConsultation>().HandleAsync(definition);
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        return imported.Value.Reference;
    }

    /// <summary>Opens the consultation, presses "Start now", and lands on the first section.</summary>
    protected static async Task StartAsync(JourneyClient browser, string reference)
    {
        await browser.GetAsync($"/consultations/{reference.ToLowerInvariant()}");
        Assert.Equal(System.Net.HttpStatusCode.OK, browser.Status);
        await browser.GetAsync($"/consultations/{reference.ToLowerInvariant()}/before-you-start");
        await browser.PostAsync($"/consultations/{reference.ToLowerInvariant()}/before-you-start");
        Assert.Equal(SectionUrl(Services), browser.Path);
    }

    /// <summary>Posts a section as its form would (with the hidden section field).</summary>
    protected static Task<string> PostSectionAsync(JourneyClient browser, string section, params (string Name, string Value)[] fields) =>
        browser.PostAsync(SectionUrl(section), [("_section", section), .. fields]);

    protected static readonly (string, string)[] ServicesAnswers =
    [
        ("used-services", "yes"),
        ("which-services", "isva"),
        ("which-services", "helpline"),
        ("town", "Aberystwyth"),
        ("miles-travelled", "12"),
        ("priorities", "near:1"),
        ("priorities", "speed:2"),
        ("priorities", ""),
    ];

    protected async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static void AssertNoServerError(JourneyClient browser) =>
        Assert.True((int)browser.Status < 500, $"{browser.Path} answered {(int)browser.Status}");

    protected static string Describe(Result result) => string.Join("; ", result.Errors);
}
