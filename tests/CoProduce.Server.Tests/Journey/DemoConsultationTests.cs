using System.Net;
using System.Text.RegularExpressions;
using CoProduce.Server.Tests.Infrastructure;
using CoProduce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoProduce.Server.Tests.Journey;

public sealed class DemoConsultationTestsSqlite(SqliteTestDatabase database) : DemoConsultationTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class DemoConsultationTestsPostgres(PostgresTestDatabase database) : DemoConsultationTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>The seeded demo consultation (every question type, conditions across pages) walks end to end in both languages.</summary>
public abstract partial class DemoConsultationTests(TestDatabase database) : IDisposable
{
    private readonly ServerFactory _factory = new()
    {
        Settings = new Dictionary<string, string?>(database.Configuration)
        {
            ["Storage:MigrateOnStartup"] = "true",
            ["Demo:Seed"] = "true",
        },
    };

    [Theory]
    [InlineData("")]
    [InlineData("/cy")]
    public async Task DemoConsultation_EverySectionLeftBlank_RendersAndSends(string language)
    {
        var browser = new JourneyClient(_factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
        await browser.GetAsync(language + "/consultations");
        var link = ConsultationLink().Match(browser.Html);
        Assert.True(link.Success, "The demo consultation is listed");
        await browser.GetAsync(language + link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, browser.Status);
        // The demo asks for a neutral title: the tab must not name the subject.
        Assert.DoesNotContain("sexual", TitleOf(browser.Html), StringComparison.OrdinalIgnoreCase);
        await browser.GetAsync(language + link.Groups[1].Value + "/before-you-start");
        await browser.PostAsync(language + link.Groups[1].Value + "/before-you-start");

        var sections = 0;
        while (browser.Path.Contains("/respond/section/", StringComparison.Ordinal))
        {
            Assert.True(++sections < 20, "The walk ends");
            var path = browser.Path.Split('?')[0];
            if (path.EndsWith("/content-warning", StringComparison.Ordinal))
            {
                await browser.GetAsync(path.Replace("/content-warning", "", StringComparison.Ordinal) + "?warning=seen");
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, browser.Status);
            var section = path.Split('/')[^1];
            await browser.PostAsync(path, ("_section", section));
            AssertNoServerError(browser);
        }

        Assert.EndsWith("/respond/about-you", browser.Path);
        await browser.PostAsync(language + "/respond/about-you", ("responding-as", "anonymous"));
        Assert.EndsWith("/respond/check-your-answers", browser.Path);
        await browser.PostAsync(language + "/respond/check-your-answers");
        Assert.NotNull(browser.CodeShown("receipt-code"));
        Assert.True(sections >= 4, $"Visited {sections} sections");
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void AssertNoServerError(JourneyClient browser) =>
        Assert.True((int)browser.Status < 500, $"{browser.Path} answered {(int)browser.Status}");

    private static string TitleOf(string html) => Regex.Match(html, "<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value;

    [GeneratedRegex("href=\"(?:/cy)?(/consultations/[a-z0-9-]+)\"")]
    private static partial Regex ConsultationLink();
}
