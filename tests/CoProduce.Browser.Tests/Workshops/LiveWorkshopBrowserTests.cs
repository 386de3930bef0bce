using System.Text.RegularExpressions;
using CoProduce.Browser.Tests.Infrastructure;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Workshops;

/// <summary>
/// A whole live workshop in real Chromium: a facilitator signed in through the sign-in page and three
/// participants, each in a browser context of their own (one on a 320×640 phone screen), once in
/// English and once in Welsh with the room mixing languages. Every step is checked from the other
/// people's pages without reloading them, and every page and state passes axe-core (WCAG 2.2 AA).
/// </summary>
[Collection(WorkshopBrowserCollection.Name)]
public sealed class LiveWorkshopBrowserTests(WorkshopBrowserFixture server)
{
    private static readonly ViewportSize SmallPhone = new() { Width = 320, Height = 640 };

    private static readonly Bilingual PollTitle = new("Which times suit you?", "Pa amseroedd sy'n addas i chi?");
    private static readonly Bilingual PollWarning = new("This poll asks about times when home may not be safe.", "Mae'r arolwg hwn yn gofyn am adegau pan na fydd y cartref yn ddiogel efallai.");
    private static readonly Bilingual Evenings = new("Evenings", "Gyda'r nos");
    private static readonly Bilingual Weekends = new("Weekends", "Penwythnosau");
    private static readonly Bilingual BoardTitle = new("What would make the service feel safer?", "Beth fyddai'n gwneud i'r gwasanaeth deimlo'n fwy diogel?");
    private static readonly Bilingual DotsTitle = new("Which ideas matter most?", "Pa syniadau sydd bwysicaf?");
    private static readonly Bilingual FrameworkTitle = new("Our outcomes", "Ein canlyniadau");
    private static readonly Bilingual SupportInformation = new("Live Fear Free helpline: 0808 80 10 800, any time.", "Llinell gymorth Byw Heb Ofn: 0808 80 10 800, unrhyw bryd.");

    static LiveWorkshopBrowserTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Theory]
    [InlineData("en", "en", "en", "en")]
    [InlineData("cy", "cy", "cy", "en")]
    public async Task FullSession_FacilitatorAndThreeParticipants_EveryoneSeesTheRoomLiveThroughReconnectsAndARestart(string facilitatorLanguage, string first, string second, string third)
    {
        var f = new Words(facilitatorLanguage);
        await using var staff = await SignInAsync(f);
        var facilitator = await CreateWorkshopAsync(staff, f);

        // ---- Activities prepared in advance, a join code and its QR code, the room started.
        await AddActivityAsync(facilitator, ActivityKind.Poll, PollTitle, PollWarning, options: $"{Evenings.En} | {Evenings.Cy}\n{Weekends.En} | {Weekends.Cy}");
        await AddActivityAsync(facilitator, ActivityKind.IdeaBoard, BoardTitle, premoderation: true);
        await AddActivityAsync(facilitator, ActivityKind.DotVoting, DotsTitle, source: BoardTitle);
        await AddActivityAsync(facilitator, ActivityKind.OutcomeFramework, FrameworkTitle);
        await facilitator.ReloadAsync();
        await facilitator.SubmitAsync(f.Button(staff.Page.Locator("main"), "Staff.Workshops.Run.ShowCode"));
        var code = (await staff.Page.Locator(".app-join-code").InnerTextAsync()).Trim();
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$", code);
        await Assertions.Expect(staff.Page.Locator(".app-join-qr svg")).ToHaveCountAsync(1);
        await staff.AssertAccessibleAsync();
        await facilitator.RoomAsync("Start");

        // ---- Two people type the code; the third scans the QR code (its address carries the code), on a small phone.
        IWebSocketRoute? thirdSocket = null;
        var people = new List<Participant>
        {
            await JoinByTypingAsync(new Words(first), code, "Seren", checkJoinPage: true),
            await JoinByTypingAsync(new Words(second), code, "Afon", checkJoinPage: false),
        };
        var phone = await server.OpenAsync("", viewport: SmallPhone);
        await phone.Page.RouteWebSocketAsync(new Regex("/hubs/workshop"), socket =>
        {
            thirdSocket = socket;
            socket.ConnectToServer();
        });
        var w3 = new Words(third);
        await phone.GotoAsync($"{w3.Prefix}/workshop?code={code.Replace("-", "", StringComparison.Ordinal)}");
        await Assertions.Expect(phone.Page.Locator("#code")).ToHaveValueAsync(code);
        people.Add(await JoinAsync(phone, w3, "Derwen"));
        var (p1, p2, p3) = (people[0], people[1], people[2]);
        await p3.AssertNoHorizontalScrollAsync();

        // ---- Admission: everyone waits until the facilitator lets them in, then sees the room without reloading.
        foreach (var p in people)
        {
            await Assertions.Expect(p.App).ToContainTextAsync(p["Workshop.Live.WaitingAdmission"]);
            await Assertions.Expect(p.Status).ToHaveTextAsync(p["Workshop.Live.Connected"]);
            await Assertions.Expect(p.Page.Locator(".govuk-exit-this-page__button")).ToHaveCountAsync(1);
        }

        await AxeEachLanguageAsync(people);
        await facilitator.ReloadAsync();
        await Assertions.Expect(facilitator.Person("Derwen")).ToContainTextAsync(f["Staff.Workshops.Run.Status.Waiting"]);
        foreach (var p in people)
        {
            await facilitator.PersonAsync(p.Pseudonym, "Admit");
            await Assertions.Expect(p.App).ToContainTextAsync(p["Workshop.Live.Waiting"]);
        }

        // ---- Poll with a content warning: vote, results hidden until the facilitator reveals them to everyone.
        await facilitator.ActivityAsync(PollTitle.In(f), "ShowActivity");
        foreach (var p in people)
        {
            await Assertions.Expect(p.App.Locator(".govuk-warning-text")).ToContainTextAsync(PollWarning.In(p.Words));
        }

        await AxeEachLanguageAsync(people);
        foreach (var (p, choice) in people.Zip([Evenings, Evenings, Weekends]))
        {
            await p.Words.Button(p.App, "Workshop.Live.ContinueActivity").ClickAsync();
            await p.App.GetByLabel(choice.In(p.Words), new() { Exact = true }).CheckAsync();
            await p.SendAsync(p.Form("Workshop.Live.Vote"), "Workshop.Live.Vote");
            await Assertions.Expect(p.Tally).ToContainTextAsync(p["Workshop.Live.ResultsHidden"]);
        }

        await AxeEachLanguageAsync(people);
        await p3.AssertNoHorizontalScrollAsync();
        await facilitator.ActivityAsync(PollTitle.In(f), "RevealResults");
        foreach (var p in people)
        {
            await Assertions.Expect(p.TallyRow(Evenings.In(p.Words))).ToContainTextAsync("2");
            await Assertions.Expect(p.TallyRow(Weekends.In(p.Words))).ToContainTextAsync("1");
        }

        await AxeEachLanguageAsync(people);
        foreach (var p in people)
        {
            p.Session.AssertNoBrowserProblems();
        }

        // ---- Idea board with pre-moderation: approve, hide, merge a duplicate, group into a theme.
        var ideas = Ideas(p1.Words, p2.Words, p3.Words);
        await facilitator.ActivityAsync(BoardTitle.In(f), "ShowActivity");
        foreach (var (p, idea) in new[] { (p1, ideas.Evening), (p2, ideas.Duplicate), (p3, ideas.Childcare), (p3, ideas.Unkind) })
        {
            await p.App.Locator("#idea-text").FillAsync(idea);
            await p.SendAsync(p.Form("Workshop.Live.Send"), "Workshop.Live.Send");
        }

        foreach (var p in people)
        {
            await Assertions.Expect(p.Page.Locator("#idea-list")).ToHaveTextAsync(p["Workshop.Live.NoIdeas"]);
        }

        await AxeEachLanguageAsync(people);
        await p2.App.Locator("#idea-text").FillAsync("Half-written thought");
        await facilitator.ModerateAsync(ideas.Evening, "Staff.Workshops.Run.Moderate.Approve");
        await Assertions.Expect(p1.Page.Locator("#idea-list")).ToContainTextAsync(ideas.Evening);
        await Assertions.Expect(p2.Page.Locator("#idea-list")).ToContainTextAsync(ideas.Evening);
        // The re-rendered board kept what this person was still typing.
        await Assertions.Expect(p2.App.Locator("#idea-text")).ToHaveValueAsync("Half-written thought");
        await p2.App.Locator("#idea-text").FillAsync("");
        await facilitator.ModerateAsync(ideas.Duplicate, "Staff.Workshops.Run.Moderate.Approve");
        await facilitator.ModerateAsync(ideas.Childcare, "Staff.Workshops.Run.Moderate.Approve");
        await facilitator.ModerateAsync(ideas.Unkind, "Staff.Workshops.Run.Moderate.Hide");
        await facilitator.ReloadAsync();
        var target = await facilitator.NumberOfAsync(ideas.Evening);
        await facilitator.Contribution(ideas.Duplicate).Locator("select[name=mergeInto]").SelectOptionAsync(new SelectOptionValue { Label = "#" + target });
        await facilitator.SubmitAsync(f.Button(facilitator.Contribution(ideas.Duplicate), "Staff.Workshops.Run.Merge"));
        await Assertions.Expect(facilitator.Contribution(ideas.Duplicate)).ToContainTextAsync(f["Staff.Workshops.Run.Contribution.Merged"]);
        var theme = f.Language == "cy" ? "Mynediad" : "Access";
        await facilitator.Contribution(ideas.Evening).Locator("input[name=theme]").FillAsync(theme);
        await facilitator.SubmitAsync(f.Button(facilitator.Contribution(ideas.Evening), "Staff.Workshops.Run.SetTheme"));
        await staff.AssertAccessibleAsync();
        foreach (var p in people)
        {
            var board = p.Page.Locator("#idea-list li");
            await Assertions.Expect(board.Filter(new() { HasText = ideas.Evening })).ToContainTextAsync(theme);
            await Assertions.Expect(board).ToHaveCountAsync(2);
            await Assertions.Expect(board.Filter(new() { HasText = ideas.Childcare })).ToHaveCountAsync(1);
            Assert.Equal(0, await p.Page.GetByText(ideas.Unkind).CountAsync());
            Assert.Equal(0, await p.Page.GetByText(ideas.Duplicate).CountAsync());
        }

        await AxeEachLanguageAsync(people);
        await p3.AssertNoHorizontalScrollAsync();

        // ---- Dot voting over the approved ideas: live tallies reach the others without a reload.
        await facilitator.ActivityAsync(DotsTitle.In(f), "ShowActivity");
        await p1.App.GetByLabel(ideas.Evening, new() { Exact = true }).FillAsync("2");
        await p1.App.GetByLabel(ideas.Childcare, new() { Exact = true }).FillAsync("1");
        await p1.SendAsync(p1.Form("Workshop.Live.Vote"), "Workshop.Live.Vote");
        foreach (var p in new[] { p2, p3 })
        {
            await Assertions.Expect(p.TallyRow(ideas.Evening)).ToContainTextAsync("2");
            await Assertions.Expect(p.TallyRow(ideas.Childcare)).ToContainTextAsync("1");
        }

        await p2.App.GetByLabel(ideas.Childcare, new() { Exact = true }).FillAsync("3");
        await p2.SendAsync(p2.Form("Workshop.Live.Vote"), "Workshop.Live.Vote");
        foreach (var p in new[] { p1, p3 })
        {
            await Assertions.Expect(p.TallyRow(ideas.Childcare)).ToContainTextAsync("4");
        }

        await AxeEachLanguageAsync(people);
        await p3.AssertNoHorizontalScrollAsync();

        // ---- Outcome framework: propose an outcome, the room supports it, the facilitator accepts it.
        var framework = Framework(p1.Words, p2.Words);
        await facilitator.ActivityAsync(FrameworkTitle.In(f), "ShowActivity");
        await p1.App.Locator("#proposal-text").FillAsync(framework.Outcome);
        await p1.SendAsync(p1.Form("Workshop.Live.Send"), "Workshop.Live.Send");
        foreach (var p in new[] { p2, p3 })
        {
            await p.App.GetByLabel(framework.Outcome, new() { Exact = true }).CheckAsync();
            await p.SendAsync(p.Form("Workshop.Live.Support"), "Workshop.Live.Support");
        }

        await AxeEachLanguageAsync(people);
        await p3.AssertNoHorizontalScrollAsync();
        await facilitator.ReloadAsync();
        await Assertions.Expect(facilitator.Contribution(framework.Outcome)).ToContainTextAsync(f.Format("Staff.Workshops.Run.Supporters", 2));
        await facilitator.ModerateAsync(framework.Outcome, "Staff.Workshops.Run.Accept");
        foreach (var p in people)
        {
            await Assertions.Expect(p.App.Locator("ol > li").Filter(new() { HasText = framework.Outcome })).ToHaveCountAsync(1);
        }

        // An indicator for it; while the facilitator accepts it, the phone's connection drops.
        await p2.App.Locator("#proposal-target").SelectOptionAsync(new SelectOptionValue { Label = $"{p2["Workshop.Live.ProposeIndicator"]}: {framework.Outcome}" });
        await p2.App.Locator("#proposal-text").FillAsync(framework.Indicator);
        await p2.SendAsync(p2.Form("Workshop.Live.Send"), "Workshop.Live.Send");
        await p1.App.GetByLabel(framework.Indicator, new() { Exact = true }).CheckAsync();
        await p1.SendAsync(p1.Form("Workshop.Live.Support"), "Workshop.Live.Support");

        await p3.Session.Context.SetOfflineAsync(true);
        Assert.NotNull(thirdSocket);
        await thirdSocket.CloseAsync();
        await Assertions.Expect(p3.Status).ToHaveTextAsync(p3["Workshop.Live.Reconnecting"]);
        await facilitator.ModerateAsync(framework.Indicator, "Staff.Workshops.Run.Accept");
        await Assertions.Expect(p1.App.Locator("ol li li").Filter(new() { HasText = framework.Indicator })).ToHaveCountAsync(1);
        await p3.Session.Context.SetOfflineAsync(false);
        await Assertions.Expect(p3.Status).ToHaveTextAsync(p3["Workshop.Live.Connected"]);
        await Assertions.Expect(p3.App.Locator("ol li li").Filter(new() { HasText = framework.Indicator })).ToHaveCountAsync(1);

        // ---- A server restart mid-session: acknowledged work survives and the open pages reconnect by themselves.
        await p1.App.Locator("#proposal-text").FillAsync(framework.Second);
        await p1.SendAsync(p1.Form("Workshop.Live.Send"), "Workshop.Live.Send");
        await p2.App.GetByLabel(framework.Second, new() { Exact = true }).CheckAsync();
        await p2.SendAsync(p2.Form("Workshop.Live.Support"), "Workshop.Live.Support");
        await server.RestartAsync();

        await facilitator.ReloadAsync();
        await Assertions.Expect(facilitator.Contribution(framework.Second)).ToContainTextAsync(f.Format("Staff.Workshops.Run.Supporters", 1));
        await Assertions.Expect(staff.Page.Locator("#facilitator-app")).ToHaveAttributeAsync("data-connected", "true");
        foreach (var p in people)
        {
            await Assertions.Expect(p.Status).ToHaveTextAsync(p["Workshop.Live.Connected"]);
        }

        await facilitator.ModerateAsync(framework.Second, "Staff.Workshops.Run.Accept");
        foreach (var p in people)
        {
            await Assertions.Expect(p.App.Locator("ol > li").Filter(new() { HasText = framework.Second })).ToHaveCountAsync(1);
        }

        // The framework page shows the new version: two outcomes and an indicator, three versions in its history.
        await facilitator.ReloadAsync();
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = f["Staff.Workshops.Run.OpenFramework"] }).ClickAsync();
        await staff.Page.WaitForURLAsync(new Regex("/staff/frameworks/[0-9a-f-]{36}$"));
        await Assertions.Expect(staff.Page.Locator(".govuk-caption-l")).ToHaveTextAsync(f.Format("Framework.VersionCaption", 3));
        await Assertions.Expect(staff.Page.Locator("h2").Filter(new() { HasText = framework.Outcome })).ToHaveCountAsync(1);
        await Assertions.Expect(staff.Page.Locator("h2").Filter(new() { HasText = framework.Second })).ToHaveCountAsync(1);
        // Exactly the indicator's own cell (the change links next to it repeat its words for screen readers).
        await Assertions.Expect(staff.Page.GetByRole(AriaRole.Cell, new() { Name = framework.Indicator, Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(staff.Page.Locator("main table").Last.Locator("tbody tr")).ToHaveCountAsync(3);
        await staff.AssertAccessibleAsync();

        // ---- "I need support": only the facilitator is told; the person gets the support information back.
        await facilitator.ReloadAsync();
        await Assertions.Expect(staff.Page.Locator("#facilitator-app")).ToHaveAttributeAsync("data-connected", "true");
        await p2.Words.Button(p2.Page.Locator("#workshop-signal"), "Workshop.Live.NeedSupport").ClickAsync();
        await Assertions.Expect(p2.Page.Locator("#workshop-support")).ToContainTextAsync(p2["Workshop.Live.SignalSent"]);
        await Assertions.Expect(p2.Page.Locator("#workshop-support")).ToContainTextAsync(SupportInformation.In(p2.Words));
        // The facilitator's open page updates itself.
        await Assertions.Expect(facilitator.Person("Afon")).ToContainTextAsync(f["Staff.Workshops.Run.Signal.NeedSupport"]);
        foreach (var p in new[] { p1, p3 })
        {
            Assert.Equal(0, await p.Page.GetByText(p["Workshop.Live.SignalSent"]).CountAsync());
            Assert.Equal(0, await p.Page.GetByText("Afon").CountAsync());
        }

        await AxeEachLanguageAsync([p2]);
        await staff.AssertAccessibleAsync();
        await facilitator.PersonAsync("Afon", "AcknowledgeSignal");
        await Assertions.Expect(facilitator.Person("Afon")).Not.ToContainTextAsync(f["Staff.Workshops.Run.Signal.NeedSupport"]);

        // ---- Pause: a calm pause screen for everyone; resume brings the activity back.
        await facilitator.RoomAsync("Pause");
        foreach (var p in people)
        {
            await Assertions.Expect(p.App.Locator(".app-pause-panel")).ToContainTextAsync(p["Workshop.Live.Paused"]);
        }

        await AxeEachLanguageAsync(people);
        await p3.AssertNoHorizontalScrollAsync();
        await facilitator.RoomAsync("Resume");
        foreach (var p in people)
        {
            await Assertions.Expect(p.App.Locator("#activity-title")).ToHaveTextAsync(FrameworkTitle.In(p.Words));
        }

        // ---- A reload shows the room as it is.
        await p1.Page.ReloadAsync();
        await Assertions.Expect(p1.Status).ToHaveTextAsync(p1["Workshop.Live.Connected"]);
        await Assertions.Expect(p1.App.Locator("ol > li").Filter(new() { HasText = framework.Second })).ToHaveCountAsync(1);

        // ---- Removing someone closes their page; ending the session tells the rest.
        await facilitator.PersonAsync("Derwen", "Remove");
        await Assertions.Expect(p3.App).ToContainTextAsync(p3[ErrorCodes.ParticipantRemoved]);
        await AxeEachLanguageAsync([p3]);
        await Assertions.Expect(facilitator.Person("Derwen")).ToHaveCountAsync(0);
        await facilitator.RoomAsync("End");
        foreach (var p in new[] { p1, p2 })
        {
            await Assertions.Expect(p.App).ToContainTextAsync(p[ErrorCodes.WorkshopEnded]);
        }

        await AxeEachLanguageAsync([p1, p2]);
        await p3.Page.ReloadAsync();
        await Assertions.Expect(p3.Page.Locator("main")).ToContainTextAsync(p3[ErrorCodes.ParticipantRemoved]);

        // ---- Exit this page: leaves for the neutral site and forgets the seat.
        await p1.Page.Locator(".govuk-exit-this-page__button").ClickAsync();
        await Assertions.Expect(p1.Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(BrowserFixture.NeutralSite)));
        Assert.DoesNotContain(await p1.Session.Context.CookiesAsync(), cookie => cookie.Name == "coproduce-workshop");
        await p1.Session.GotoAsync($"{p1.Words.Prefix}/workshop/live");
        await Assertions.Expect(p1.Page.Locator("main")).ToContainTextAsync(p1[ErrorCodes.ParticipantNotFound]);

        foreach (var p in people)
        {
            await p.Session.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("cy")]
    public async Task ParticipantPage_WithoutJavaScript_ShowsHowToJoinAndTheBreakFormTellsTheFacilitator(string language)
    {
        var words = new Words(language);
        var (workshopId, code) = await server.CreateLiveWorkshopAsync(
            admissionRequired: false,
            new ActivityDraft(ActivityKind.Poll, PollTitle.ToText(), Options: [Evenings.ToText(), Weekends.ToText()]));
        await using var session = await server.OpenAsync($"{words.Prefix}/workshop", javaScriptEnabled: false);
        var page = session.Page;
        var main = page.Locator("main");
        foreach (var key in new[] { "Workshop.Join.NeedHeading", "Workshop.Join.NeedCode", "Workshop.Join.NeedDevice", "Workshop.Join.NeedJavaScript" })
        {
            await Assertions.Expect(main).ToContainTextAsync(words[key]);
        }

        // The exit link works without scripts: it goes through the exit route.
        Assert.Equal("/exit", await page.Locator(".govuk-exit-this-page__button").GetAttributeAsync("href"));
        await page.Locator("#code").FillAsync(code);
        await page.Locator($"#language-{language}").CheckAsync();
        await words.Button(main, "Workshop.Join.Button").ClickAsync();
        await page.WaitForURLAsync($"**{words.Prefix}/workshop/live");
        await Assertions.Expect(main).ToContainTextAsync(words["Workshop.Live.NoScript"]);
        await Assertions.Expect(main.Locator("#workshop-app h2")).ToHaveTextAsync(PollTitle.In(words));

        await words.Button(main, "Workshop.Live.NeedBreak").ClickAsync();
        await Assertions.Expect(main.Locator(".app-support-panel")).ToContainTextAsync(words["Workshop.Live.SignalSent"]);
        await Assertions.Expect(main.Locator(".app-support-panel")).ToContainTextAsync(language == "cy" ? "Byw Heb Ofn" : "Live Fear Free");

        await using var scope = server.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<GetWorkshopView>().ForFacilitatorAsync(server.Facilitator, workshopId);
        Assert.Equal(SupportSignal.NeedBreak, Assert.Single(view.Value.Participants).Signal);
    }

    private async Task<BrowserPage> SignInAsync(Words f)
    {
        var staff = await server.OpenAsync($"{f.Prefix}/staff/sign-in");
        var page = staff.Page;
        await page.Locator("#email").FillAsync(WorkshopBrowserFixture.Email);
        await page.Locator("#password").FillAsync(WorkshopBrowserFixture.Password);
        await page.Locator("#password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{f.Prefix}/staff");
        await staff.GotoAsync($"{f.Prefix}/staff/workshops");
        await staff.AssertAccessibleAsync();
        return staff;
    }

    private static async Task<FacilitatorPage> CreateWorkshopAsync(BrowserPage staff, Words f)
    {
        var page = staff.Page;
        await staff.GotoAsync($"{f.Prefix}/staff/workshops/new");
        await staff.AssertAccessibleAsync();
        foreach (var (field, text) in new[]
        {
            ("title", new Bilingual("Designing refuge support together", "Cyd-ddylunio cymorth lloches")),
            ("purpose", new Bilingual("Agree what the new service should achieve.", "Cytuno beth ddylai'r gwasanaeth newydd ei gyflawni.")),
            ("groundRules", new Bilingual("What is said here stays here.", "Mae'r hyn a ddywedir yma yn aros yma.")),
            ("supportInformation", SupportInformation),
        })
        {
            await page.Locator($"#{field}-en").FillAsync(text.En);
            await page.Locator($"#{field}-cy").FillAsync(text.Cy);
        }

        await page.Locator("#admission").CheckAsync();
        await f.Button(page.Locator("main form"), "Staff.Workshops.Create").ClickAsync();
        await page.WaitForURLAsync(new Regex("/staff/workshops/[0-9a-f-]{36}$"));
        await staff.AssertAccessibleAsync();
        return new FacilitatorPage(staff, f, new Uri(page.Url).AbsolutePath);
    }

    private static async Task AddActivityAsync(FacilitatorPage facilitator, ActivityKind kind, Bilingual title, Bilingual? warning = null, string options = "", Bilingual? source = null, bool premoderation = false)
    {
        await facilitator.ReloadAsync();
        var page = facilitator.Page;
        await page.Locator("#kind").SelectOptionAsync(kind.ToString());
        await page.Locator("#activityTitle-en").FillAsync(title.En);
        await page.Locator("#activityTitle-cy").FillAsync(title.Cy);
        if (warning is { } w)
        {
            await page.Locator("#warning-en").FillAsync(w.En);
            await page.Locator("#warning-cy").FillAsync(w.Cy);
        }

        await page.Locator("#options").FillAsync(options);
        if (source is { } s)
        {
            var value = await page.Locator("#source option").Filter(new() { HasText = s.In(facilitator.Words) }).GetAttributeAsync("value");
            await page.Locator("#source").SelectOptionAsync(value!); // The board was added just before.
        }

        if (premoderation)
        {
            await page.Locator("#premoderation").CheckAsync();
        }

        await facilitator.SubmitAsync(facilitator.Words.Button(page.Locator("main"), "Staff.Workshops.Run.AddActivity"));
        await Assertions.Expect(facilitator.Activity(title.In(facilitator.Words))).ToHaveCountAsync(1);
    }

    private async Task<Participant> JoinByTypingAsync(Words words, string code, string pseudonym, bool checkJoinPage)
    {
        var session = await server.OpenAsync($"{words.Prefix}/workshop");
        var page = session.Page;
        if (checkJoinPage)
        {
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(words["Workshop.Join.NeedHeading"]);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(words["Workshop.Join.NeedCode"]);
            await Assertions.Expect(page.Locator(".govuk-exit-this-page__button")).ToHaveCountAsync(1);
            await session.AssertAccessibleAsync();
            await page.Locator("#code").FillAsync("ZZZZ-ZZZZ");
            await words.Button(page.Locator("main"), "Workshop.Join.Button").ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(1);
            await session.AssertAccessibleAsync();
        }

        // Typed as people do: lower case, without the dash.
        await page.Locator("#code").FillAsync(code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        return await JoinAsync(session, words, pseudonym);
    }

    private static async Task<Participant> JoinAsync(BrowserPage session, Words words, string pseudonym)
    {
        var page = session.Page;
        await page.Locator("#pseudonym").FillAsync(pseudonym);
        await page.Locator($"#language-{words.Language}").CheckAsync();
        await words.Button(page.Locator("main"), "Workshop.Join.Button").ClickAsync();
        await page.WaitForURLAsync($"**{words.Prefix}/workshop/live");
        return new Participant(session, words, pseudonym);
    }

    /// <summary>axe-core on one participant page per language present (the same view, in each language).</summary>
    private static async Task AxeEachLanguageAsync(IEnumerable<Participant> people)
    {
        foreach (var p in people.DistinctBy(p => p.Words.Language))
        {
            await p.Session.AssertAccessibleAsync();
        }
    }

    private static (string Evening, string Duplicate, string Childcare, string Unkind) Ideas(Words first, Words second, Words third) => (
        first.Language == "cy" ? "Grwpiau gyda'r nos ger llwybr bws" : "Evening groups near a bus route",
        second.Language == "cy" ? "Grwpiau yn y nos" : "Groups in the evening",
        third.Language == "cy" ? "Gofal plant yn ystod sesiynau" : "Childcare during sessions",
        "HIDDEN-unkind remark about a worker");

    private static (string Outcome, string Indicator, string Second) Framework(Words first, Words second) => (
        first.Language == "cy" ? "Mae goroeswyr yn teimlo'n fwy diogel gartref" : "Survivors feel safer at home",
        second.Language == "cy" ? "Goroeswyr yn dweud eu bod yn teimlo'n fwy diogel, bob chwarter" : "Survivors say they feel safer, asked every quarter",
        first.Language == "cy" ? "Mae plant yn cael eu clywed" : "Children are heard");
}

/// <summary>Text authored in both languages, as facilitators do.</summary>
public sealed record Bilingual(string En, string Cy)
{
    public string In(Words words) => words.Language == "cy" ? Cy : En;

    public LocalizedText ToText() => new(En, Cy);
}
