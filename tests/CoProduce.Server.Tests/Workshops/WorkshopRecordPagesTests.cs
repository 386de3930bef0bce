using System.Net;
using System.Text.Json;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Server.Tests.Infrastructure;
using CoProduce.Server.Tests.Journey;
using CoProduce.Server.Tests.Staff;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Workshops;

/// <summary>The workshop record and the framework documents over HTTP, as staff signed in through the real sign-in page.</summary>
public sealed class WorkshopRecordPagesTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private sealed record Scenario(WorkshopId Workshop, OutcomeFrameworkId Framework, int Version, OrganisationId Organisation, JourneyClient Facilitator);

    private async Task<T> RunAsync<T>(Func<IServiceProvider, Task<Result<T>>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await use(scope.ServiceProvider);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value;
    }

    private async Task<JourneyClient> SignedInAsync(StaffRoles roles, OrganisationId organisation)
    {
        var (_, email) = await factory.AddStaffAsync(roles, organisation);
        var browser = factory.Browser();
        await browser.SignInAsync(email);
        return browser;
    }

    /// <summary>
    /// A Welsh workshop: a poll 11 people answered (10 Town, 1 Online, 0 Outreach), an idea board with one hidden
    /// idea, and a framework activity in which one outcome was accepted (with a well-being mapping).
    /// </summary>
    private async Task<Scenario> ScenarioAsync()
    {
        var organisation = await factory.AddOrganisationAsync();
        var (id, email) = await factory.AddStaffAsync(StaffRoles.Facilitator, organisation);
        var actor = new StaffActor(id, organisation, StaffRoles.Facilitator, "Facilitator");
        var details = new WorkshopDetails(
            new LocalizedText("Shaping the refuge service", "Llunio'r gwasanaeth lloches"), new LocalizedText("Decide", "Penderfynu"),
            CommissioningPhase.Plan, Jurisdiction.Wales, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
            new LocalizedText("Be kind", "Byddwch yn garedig"), new LocalizedText("Support: 0808", "Cymorth: 0808"), false);
        var workshop = await RunAsync(s => s.GetRequiredService<CreateWorkshop>().HandleAsync(actor, details));
        var poll = await RunAsync(s => s.GetRequiredService<AddActivity>().HandleAsync(actor, workshop.Id, new ActivityDraft(ActivityKind.Poll, new LocalizedText("Where should we meet?", "Ble dylem ni gwrdd?"), Options: [new("Town", "Tref"), new("Online", "Ar-lein"), new("Outreach", "Allgymorth")])));
        var board = await RunAsync(s => s.GetRequiredService<AddActivity>().HandleAsync(actor, workshop.Id, new ActivityDraft(ActivityKind.IdeaBoard, new LocalizedText("What would help?", "Beth fyddai'n helpu?"))));
        var build = await RunAsync(s => s.GetRequiredService<AddActivity>().HandleAsync(actor, workshop.Id, new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Our outcomes", "Ein canlyniadau"))));
        await RunAsync(s => s.GetRequiredService<ControlWorkshop>().HandleAsync(actor, workshop.Id, RoomCommand.Start, null));
        await RunAsync(s => s.GetRequiredService<ControlWorkshop>().HandleAsync(actor, workshop.Id, RoomCommand.ShowActivity, poll));
        var tokens = new List<CoProduce.Core.Privacy.SessionToken>();
        for (var i = 0; i < 11; i++)
        {
            tokens.Add((await RunAsync(s => s.GetRequiredService<JoinWorkshop>().HandleAsync(new JoinRequest(workshop.JoinCode.Display, $"Pseudonym-{i}-Secret", "en")))).SessionToken);
        }

        var options = (await RunAsync(s => s.GetRequiredService<GetWorkshopView>().ForFacilitatorAsync(actor, workshop.Id))).Current!.Items;
        for (var i = 0; i < tokens.Count; i++)
        {
            var choice = options[i < 10 ? 0 : 1].Id;
            await RunAsync(s => s.GetRequiredService<CastVote>().HandleAsync(tokens[i], poll, [choice]));
        }

        await RunAsync(s => s.GetRequiredService<ControlWorkshop>().HandleAsync(actor, workshop.Id, RoomCommand.ShowActivity, board));
        await RunAsync(s => s.GetRequiredService<PostContribution>().HandleAsync(tokens[0], board, new ContributionDraft(ContributionKind.Idea, "Crèche yn ystod sesiynau", null, null)));
        var hidden = await RunAsync(s => s.GetRequiredService<PostContribution>().HandleAsync(tokens[1], board, new ContributionDraft(ContributionKind.Idea, "Hidden-idea-text", null, null)));
        await RunAsync(s => s.GetRequiredService<ModerateContribution>().HandleAsync(actor, workshop.Id, hidden.Id, new Moderation(ModerationCommand.Hide)));
        await RunAsync(s => s.GetRequiredService<ControlWorkshop>().HandleAsync(actor, workshop.Id, RoomCommand.ShowActivity, build));
        var proposal = await RunAsync(s => s.GetRequiredService<PostContribution>().HandleAsync(tokens[2], build, new ContributionDraft(ContributionKind.OutcomeProposal, "Survivors feel safer", null, null)));
        var change = await RunAsync(s => s.GetRequiredService<AcceptProposal>().HandleAsync(actor, workshop.Id, proposal.Id, new FrameworkEdit(FrameworkOperation.AddOutcome, WellbeingGoals: ["goal.healthier"], WaysOfWorking: ["way.involvement"])));
        var frameworkId = (await RunAsync(s => s.GetRequiredService<GetWorkshopView>().ForFacilitatorAsync(actor, workshop.Id))).Current!.FrameworkId!.Value;
        var browser = factory.Browser();
        await browser.SignInAsync(email);
        return new Scenario(workshop.Id, frameworkId, change.Version, organisation, browser);
    }

    private static (IReadOnlyList<(string Style, string Text)> Paragraphs, string Language, string AllText) Read(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!; // A DOCX always has a main part.
        var paragraphs = main.Document.Body!.Elements<Paragraph>().Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", p.InnerText)).ToList();
        var language = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value!;
        return (paragraphs, language, main.Document.Body.InnerText);
    }

    private static async Task<HttpResponseMessage> DownloadAsync(JourneyClient browser, string url, string contentType)
    {
        var response = await browser.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        return response;
    }

    [Theory]
    [InlineData("", "Where should we meet?", "suppressed")]
    [InlineData("/cy", "Ble dylem ni gwrdd?", "wedi’i guddio")]
    public async Task RecordPage_Facilitator_ShowsCountsSuppressedAndNoHiddenIdea(string prefix, string pollTitle, string suppressed)
    {
        var scenario = await ScenarioAsync();

        var html = WebUtility.HtmlDecode(await scenario.Facilitator.GetAsync($"{prefix}/staff/workshops/{scenario.Workshop}/record"));

        Assert.Equal(HttpStatusCode.OK, scenario.Facilitator.Status);
        Assert.Contains(pollTitle, html, StringComparison.Ordinal);
        Assert.Contains(suppressed, html, StringComparison.Ordinal);
        Assert.Contains("Crèche yn ystod sesiynau", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"cy\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden-idea-text", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Pseudonym-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-exit-this-page", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "en-GB", "Activities", "Where should we meet?", "suppressed")]
    [InlineData("/cy", "cy-GB", "Gweithgareddau", "Ble dylem ni gwrdd?", "wedi’i guddio")]
    public async Task RecordDocx_EachLanguage_HeadingsTextAndLanguage(string prefix, string language, string activities, string pollTitle, string suppressed)
    {
        var scenario = await ScenarioAsync();

        var response = await DownloadAsync(scenario.Facilitator, $"{prefix}/staff/workshops/{scenario.Workshop}/record/docx", Docx);
        var (paragraphs, docLanguage, text) = Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(language, docLanguage);
        Assert.EndsWith($".{language[..2]}.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("Heading1", paragraphs[0].Style);
        Assert.Contains(("Heading2", activities), paragraphs);
        Assert.Contains(("Heading3", "1. " + pollTitle), paragraphs);
        Assert.Contains(suppressed, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden-idea-text", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pseudonym-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordJson_Shape_SuppressedCountsAreNullWithMarker()
    {
        var scenario = await ScenarioAsync();

        var response = await DownloadAsync(scenario.Facilitator, $"/cy/staff/workshops/{scenario.Workshop}/record/json", "application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var root = json.RootElement;

        Assert.Equal("coproduce.workshop-record/1", root.GetProperty("schema").GetString());
        Assert.Equal("2026-12-01", root.GetProperty("scheduledOn").GetString());
        Assert.Equal("Llunio'r gwasanaeth lloches", root.GetProperty("title").GetProperty("cy").GetString());
        Assert.Equal(10, root.GetProperty("suppression").GetProperty("threshold").GetInt32());
        Assert.Contains("9", root.GetProperty("suppression").GetProperty("rule").GetProperty("cy").GetString(), StringComparison.Ordinal);
        Assert.Equal(11, root.GetProperty("participantsAdmitted").GetProperty("count").GetInt32());
        var activities = root.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(["Poll", "IdeaBoard", "OutcomeFramework"], activities.Select(a => a.GetProperty("kind").GetString()));
        var items = activities[0].GetProperty("items").EnumerateArray().ToList();
        Assert.Equal((10, false), (items[0].GetProperty("count").GetInt32(), items[0].GetProperty("suppressed").GetBoolean()));
        // 1 is suppressed, and 0 with it (secondary), so neither can be had from 11 − 10.
        Assert.All(items.Skip(1), i => Assert.Equal((JsonValueKind.Null, true), (i.GetProperty("count").ValueKind, i.GetProperty("suppressed").GetBoolean())));
        var idea = activities[1].GetProperty("themes")[0].GetProperty("ideas").EnumerateArray().Single();
        Assert.Equal(("Crèche yn ystod sesiynau", "en"), (idea.GetProperty("text").GetString(), idea.GetProperty("language").GetString()));
        var framework = activities[2].GetProperty("framework");
        Assert.Equal(scenario.Version, framework.GetProperty("versionReached").GetInt32());
        Assert.Equal("Survivors feel safer", framework.GetProperty("accepted")[0].GetProperty("text").GetString());
        Assert.DoesNotContain("Pseudonym-", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/docx")]
    [InlineData("/json")]
    public async Task Record_StaffOfAnotherOrganisation_IsNotFound(string format)
    {
        var scenario = await ScenarioAsync();
        var stranger = await SignedInAsync(StaffRoles.Facilitator | StaffRoles.Commissioner, await factory.AddOrganisationAsync());

        var response = await stranger.Http.GetAsync($"/staff/workshops/{scenario.Workshop}/record{format}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Record_AnalystOfTheOwningOrganisation_MayRead()
    {
        var scenario = await ScenarioAsync();
        var analyst = await SignedInAsync(StaffRoles.Analyst, scenario.Organisation);

        await DownloadAsync(analyst, $"/staff/workshops/{scenario.Workshop}/record/json", "application/json");
    }

    [Fact]
    public async Task Record_NobodySignedIn_GoesToSignIn()
    {
        var scenario = await ScenarioAsync();
        var browser = factory.Browser();

        await browser.GetAsync($"/staff/workshops/{scenario.Workshop}/record/docx");

        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("", "en-GB", "A healthier Wales", "Involvement", "Shaping the refuge service")]
    [InlineData("/cy", "cy-GB", "Cymru iachach", "Cynnwys", "Llunio'r gwasanaeth lloches")]
    public async Task FrameworkDocx_EachLanguage_OutcomeWithWellbeingMappingAndHistory(string prefix, string language, string goal, string way, string workshopTitle)
    {
        var scenario = await ScenarioAsync();

        var response = await DownloadAsync(scenario.Facilitator, $"{prefix}/staff/frameworks/{scenario.Framework}/docx", Docx);
        var (paragraphs, docLanguage, text) = Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(language, docLanguage);
        Assert.Contains(("Heading2", "Survivors feel safer"), paragraphs);
        Assert.Contains(goal, text, StringComparison.Ordinal);
        Assert.Contains(way, text, StringComparison.Ordinal);
        Assert.Contains(workshopTitle, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrameworkDocx_EarlierVersion_IsThatVersion()
    {
        var scenario = await ScenarioAsync();
        var administrator = new StaffActor(new StaffUserId(Guid.NewGuid()), scenario.Organisation, StaffRoles.Administrator, "Administrator");
        var later = await RunAsync(s => s.GetRequiredService<EditOutcomeFramework>().HandleAsync(administrator, scenario.Framework, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new FrameworkText("Added later", "Ychwanegwyd wedyn"))));

        var response = await DownloadAsync(scenario.Facilitator, $"/staff/frameworks/{scenario.Framework}/docx?version={scenario.Version}", Docx);
        var unknown = await scenario.Facilitator.Http.GetAsync($"/staff/frameworks/{scenario.Framework}/docx?version=99");

        var (paragraphs, _, _) = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(scenario.Version + 1, later.Version);
        Assert.Contains(("Heading2", "Survivors feel safer"), paragraphs);
        Assert.DoesNotContain(("Heading2", "Added later"), paragraphs);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task FrameworkPage_History_ListsWorkshopAndEveryFormat()
    {
        var scenario = await ScenarioAsync();

        var html = WebUtility.HtmlDecode(await scenario.Facilitator.GetAsync($"/cy/staff/frameworks/{scenario.Framework}"));

        Assert.Contains($"/cy/staff/workshops/{scenario.Workshop}/record\">Llunio'r gwasanaeth lloches</a>", html, StringComparison.Ordinal);
        Assert.Contains($"/cy/staff/frameworks/{scenario.Framework}/docx?version={scenario.Version}", html, StringComparison.Ordinal);
        Assert.Contains($"/cy/staff/frameworks/{scenario.Framework}/json?version={scenario.Version}", html, StringComparison.Ordinal);
        Assert.Contains("Cymru iachach", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordLabels_ForEveryActivityAndProposalKind_ExistInBothLanguages()
    {
        var keys = Enum.GetNames<ActivityKind>().Select(k => "Record.Column." + k)
            .Concat(new[] { ContributionKind.OutcomeProposal, ContributionKind.IndicatorProposal }.Select(k => "Record.ProposalKind." + k))
            .Concat(Enum.GetNames<Jurisdiction>().Select(j => "Authoring.Jurisdiction." + j)).ToList();

        // Each culture's own strings, without falling back to English.
        foreach (var culture in new[] { System.Globalization.CultureInfo.InvariantCulture, CoProduce.Server.Localisation.Cultures.Welsh })
        {
            var strings = CoProduce.Server.Localisation.ResxStringLocalizer.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!; // Both cultures ship a resource set.
            Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(strings.GetString(key)), $"{key} missing for {culture.Name}"));
        }
    }

    [Fact]
    public async Task FrameworkDocx_StaffOfAnotherOrganisation_IsNotFound()
    {
        var scenario = await ScenarioAsync();
        var stranger = await SignedInAsync(StaffRoles.Facilitator, await factory.AddOrganisationAsync());

        var response = await stranger.Http.GetAsync($"/staff/frameworks/{scenario.Framework}/docx");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
