using System.Net;
using System.Text.RegularExpressions;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Server.Tests.Hubs;
using CoProduce.Server.Tests.Journey;
using CoProduce.Server.Tests.Staff;
using CoProduce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Pages.Staff.Frameworks;

public sealed class FrameworkEntryPagesTestsSqlite(SqliteTestDatabase database) : FrameworkEntryPagesTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>Outcomes, indicators and measures changed from the pages, each change a new version.</summary>
public abstract partial class FrameworkEntryPagesTests(TestDatabase database) : WorkshopStaffPagesTestBase(database)
{
    /// <summary>A live workshop building a new framework (empty, version 0).</summary>
    private async Task<(WorkshopId Workshop, OutcomeFrameworkId Framework)> FrameworkAsync()
    {
        var (created, _) = await Server.LiveWorkshopAsync(Facilitator, new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Outcomes", "Canlyniadau")));
        var view = await Server.RunAsync(async s => (await s.GetRequiredService<GetWorkshopView>().ForFacilitatorAsync(Facilitator, created.Id)).Value);
        return (created.Id, view.Activities.Single().FrameworkId!.Value);
    }

    private Task<Result<FrameworkChanged>> EditAsync(OutcomeFrameworkId framework, FrameworkEdit edit) =>
        Server.RunAsync(s => s.GetRequiredService<EditOutcomeFramework>().HandleAsync(Facilitator, framework, edit));

    private Task<FrameworkView> CurrentAsync(OutcomeFrameworkId framework) =>
        Server.RunAsync(async s => (await s.GetRequiredService<GetOutcomeFramework>().HandleAsync(Facilitator, framework)).Value);

    [Fact]
    public async Task AddOutcome_WithWellbeingMapping_SavesAVersionAndShowsItOnTheFrameworkPage()
    {
        var (_, framework) = await FrameworkAsync();
        var browser = await SignedInAsync();
        var page = await browser.GetAsync($"/staff/frameworks/{framework}");
        Assert.Contains("id=\"add-outcome\"", page, StringComparison.Ordinal);
        await browser.GetAsync($"/staff/frameworks/{framework}/edit?operation=AddOutcome");

        await browser.PostAsync($"/staff/frameworks/{framework}/edit?operation=AddOutcome",
            ("version", "0"), ("statement-en", "Survivors feel safer at home"), ("statement-cy", "Mae goroeswyr yn teimlo'n fwy diogel gartref"),
            ("goals", "goal.healthier"), ("goals", "goal.more-equal"), ("ways", "way.involvement"));

        Assert.Equal($"/staff/frameworks/{framework}", browser.Path);
        Assert.Contains("Survivors feel safer at home", browser.Html, StringComparison.Ordinal);
        var saved = await CurrentAsync(framework);
        var outcome = Assert.Single(saved.Document.Outcomes);
        Assert.Equal(1, saved.Version);
        Assert.Equal(["goal.healthier", "goal.more-equal"], outcome.WellbeingGoals);
        Assert.Equal(["way.involvement"], outcome.WaysOfWorking);
    }

    [Fact]
    public async Task IndicatorAndMeasure_AddedAndChanged_KeepTheirDetails()
    {
        var (_, framework) = await FrameworkAsync();
        await EditAsync(framework, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new FrameworkText("Safer", "")));
        var browser = await SignedInAsync();
        await browser.GetAsync($"/staff/frameworks/{framework}/edit?operation=AddIndicator&key=o1");

        await browser.PostAsync($"/staff/frameworks/{framework}/edit?operation=AddIndicator&key=o1",
            ("version", "1"), ("statement-en", "Feel safer"), ("type", "Kpi"), ("nature", "Objective"), ("dataSource", "Exit survey"), ("frequency", "Annually"), ("whoReports", "Provider"));
        await browser.GetAsync($"/staff/frameworks/{framework}/edit?operation=AddMeasure&key=i2");
        await browser.PostAsync($"/staff/frameworks/{framework}/edit?operation=AddMeasure&key=i2", ("version", "2"), ("statement-en", "Share feeling safer"), ("target", "80%"));
        var measureForm = await browser.GetAsync($"/staff/frameworks/{framework}/edit?operation=UpdateMeasure&key=m3");
        Assert.Contains("value=\"80%\"", measureForm, StringComparison.Ordinal);
        await browser.PostAsync($"/staff/frameworks/{framework}/edit?operation=UpdateMeasure&key=m3", ("version", "3"), ("statement-en", "Share feeling safer"), ("statement-cy", "Cyfran sy'n teimlo'n fwy diogel"), ("target", "85%"));

        Assert.Empty(browser.ErrorSummary());
        var indicator = Assert.Single(Assert.Single((await CurrentAsync(framework)).Document.Outcomes).Indicators);
        Assert.Equal((IndicatorType.Kpi, IndicatorNature.Objective, "Exit survey", ReportingFrequency.Annually, "Provider"), (indicator.Type, indicator.Nature, indicator.DataSource, indicator.Frequency, indicator.WhoReports));
        Assert.Equal(("85%", "Cyfran sy'n teimlo'n fwy diogel"), (Assert.Single(indicator.Measures).Target, indicator.Measures[0].Description.Cy));
    }

    [Theory]
    [InlineData("", "Someone else changed the framework at the same moment. Your change was not saved; try again.")]
    [InlineData("/cy", "Newidiodd rhywun arall y fframwaith ar yr un pryd. Ni chadwyd eich newid; rhowch gynnig arall arni.")]
    public async Task UpdateOutcome_ChangedElsewhereMeanwhile_RefusesKeepsTypedWordsAndTheNextTrySaves(string prefix, string message)
    {
        var (_, framework) = await FrameworkAsync();
        await EditAsync(framework, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new FrameworkText("Safer", "")));
        var browser = await SignedInAsync();
        var url = $"{prefix}/staff/frameworks/{framework}/edit?operation=UpdateOutcome&key=o1";
        var form = await browser.GetAsync(url);
        Assert.Contains("name=\"version\" value=\"1\"", form, StringComparison.Ordinal);
        await EditAsync(framework, new FrameworkEdit(FrameworkOperation.UpdateOutcome, Key: "o1", Text: new FrameworkText("Safer at home", "")));

        var html = await browser.PostAsync(url, ("version", "1"), ("statement-en", "Survivors are safer"), ("statement-cy", "Mae goroeswyr yn fwy diogel"));

        Assert.Equal(message, Assert.Single(browser.ErrorSummary()));
        Assert.Contains("Survivors are safer</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"saved-now\"", html, StringComparison.Ordinal);
        Assert.Contains("Safer at home", html, StringComparison.Ordinal);
        Assert.Equal("2", VersionField().Match(html).Groups[1].Value);
        Assert.Equal("Safer at home", Assert.Single((await CurrentAsync(framework)).Document.Outcomes).Statement.En);

        await browser.PostAsync(url, ("version", "2"), ("statement-en", "Survivors are safer"), ("statement-cy", "Mae goroeswyr yn fwy diogel"));

        Assert.Empty(browser.ErrorSummary());
        Assert.Equal("Survivors are safer", Assert.Single((await CurrentAsync(framework)).Document.Outcomes).Statement.En);
    }

    [Fact]
    public async Task AddOutcome_NoWords_ShowsLocalisedErrorAndKeepsTheMapping()
    {
        var (_, framework) = await FrameworkAsync();
        var browser = await SignedInAsync();
        await browser.GetAsync($"/cy/staff/frameworks/{framework}/edit?operation=AddOutcome");

        var html = await browser.PostAsync($"/cy/staff/frameworks/{framework}/edit?operation=AddOutcome", ("version", "0"), ("statement-en", " "), ("goals", "goal.resilient"));

        Assert.Equal("Ysgrifennwch rywbeth cyn i chi ei anfon.", Assert.Single(browser.ErrorSummary()));
        Assert.Contains("href=\"#statement-en\"", html, StringComparison.Ordinal);
        Assert.Matches("value=\"goal.resilient\" checked", html);
        Assert.Equal(0, (await CurrentAsync(framework)).Version);
    }

    [Fact]
    public async Task EditFromWorkshop_RecordsTheWorkshopAndGoesBackToTheRunPage()
    {
        var (workshop, framework) = await FrameworkAsync();
        var browser = await SignedInAsync();
        var run = await browser.GetAsync($"/staff/workshops/{workshop}");
        Assert.Contains($"/staff/frameworks/{framework}/edit?workshop={workshop}&amp;operation=AddOutcome", run, StringComparison.Ordinal);

        await browser.GetAsync($"/staff/frameworks/{framework}/edit?workshop={workshop}&operation=AddOutcome");
        await browser.PostAsync($"/staff/frameworks/{framework}/edit?workshop={workshop}&operation=AddOutcome", ("version", "0"), ("statement-en", "Children are safer"));

        Assert.Equal($"/staff/workshops/{workshop}", browser.Path);
        Assert.Equal(workshop, Assert.Single((await CurrentAsync(framework)).History).WorkshopId);
    }

    [Fact]
    public async Task RemoveOutcome_FromItsPage_IsANewVersionWithoutIt()
    {
        var (_, framework) = await FrameworkAsync();
        await EditAsync(framework, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new FrameworkText("Safer", "")));
        var browser = await SignedInAsync();
        await browser.GetAsync($"/staff/frameworks/{framework}/edit?operation=UpdateOutcome&key=o1");

        await browser.PostAsync($"/staff/frameworks/{framework}/edit?handler=Remove&operation=UpdateOutcome&key=o1", ("version", "1"));

        var saved = await CurrentAsync(framework);
        Assert.Equal(2, saved.Version);
        Assert.Empty(saved.Document.Outcomes);
    }

    [Fact]
    public async Task EntryPage_OtherOrganisationIsNotFoundAndAnalystIsForbidden()
    {
        var (_, framework) = await FrameworkAsync();
        var outsider = await SignedInAsync(await Server.NewStaffAsync(StaffRoles.Facilitator, DemoOrganisation.CommissionerId));
        var analyst = await SignedInAsync(await Server.NewStaffAsync(StaffRoles.Analyst));

        await outsider.GetAsync($"/staff/frameworks/{framework}/edit?operation=AddOutcome");
        await analyst.GetAsync($"/staff/frameworks/{framework}/edit?operation=AddOutcome");
        await analyst.PostAsync($"/staff/frameworks/{framework}/edit?operation=AddOutcome", ("version", "0"), ("statement-en", "Not allowed"));

        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.Status);
        Assert.Equal(0, (await CurrentAsync(framework)).Version);
    }

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
