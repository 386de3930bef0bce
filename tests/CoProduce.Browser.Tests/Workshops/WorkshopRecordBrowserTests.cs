using System.Text.RegularExpressions;
using CoProduce.Browser.Tests.Infrastructure;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using CoProduce.Server.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Workshops;

/// <summary>
/// The browser fixture with a facilitator and a finished workshop: a poll, an idea board with a merged
/// duplicate and a theme, and a framework activity whose accepted outcome is mapped to the Welsh
/// well-being goals — so the record and framework pages show every kind of content.
/// </summary>
public sealed class WorkshopRecordBrowserFixture : BrowserFixture, IAsyncLifetime
{
    public const string Email = "record-facilitator@service.example";
    public const string Password = "Browser-record-password-7";

    public WorkshopId Workshop { get; private set; }

    public OutcomeFrameworkId Framework { get; private set; }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoProduceDbContext>();
        var organisation = new Organisation(OrganisationId.New(), "Gwasanaeth Arbenigol", OrganisationKind.SpecialistService, Jurisdiction.Wales);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var created = Ok(await services.GetRequiredService<StaffAccounts>().CreateAsync(null, new CreateStaffUserRequest(Email, "Facilitator", organisation.Id, StaffRoles.Facilitator), Password));
        var actor = new StaffActor(created.Id, organisation.Id, StaffRoles.Facilitator, "Facilitator");

        var workshop = Ok(await services.GetRequiredService<CreateWorkshop>().HandleAsync(actor, new WorkshopDetails(
            new LocalizedText("Shaping the refuge service", "Llunio'r gwasanaeth lloches"), new LocalizedText("Decide what good looks like", "Penderfynu sut olwg sydd ar dda"),
            CommissioningPhase.Plan, Jurisdiction.Wales, DateTimeOffset.UtcNow.AddDays(-1),
            new LocalizedText("Be kind\nTake breaks", "Byddwch yn garedig\nCymerwch seibiant"), new LocalizedText("Live Fear Free", "Byw Heb Ofn"), false)));
        Workshop = workshop.Id;
        var add = services.GetRequiredService<AddActivity>();
        var poll = Ok(await add.HandleAsync(actor, Workshop, new ActivityDraft(ActivityKind.Poll, new LocalizedText("Where should we meet?", "Ble dylem ni gwrdd?"), Options: [new("Town", "Tref"), new("Online", "Ar-lein")])));
        var board = Ok(await add.HandleAsync(actor, Workshop, new ActivityDraft(ActivityKind.IdeaBoard, new LocalizedText("What would help?", "Beth fyddai'n helpu?"), ContentWarning: new LocalizedText("Talks about abuse", "Sôn am gam-drin"))));
        var build = Ok(await add.HandleAsync(actor, Workshop, new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Our outcomes", "Ein canlyniadau"))));
        var control = services.GetRequiredService<ControlWorkshop>();
        Ok(await control.HandleAsync(actor, Workshop, RoomCommand.Start, null));
        Ok(await control.HandleAsync(actor, Workshop, RoomCommand.ShowActivity, poll));
        var people = new List<CoProduce.Core.Privacy.SessionToken>();
        for (var i = 0; i < 3; i++)
        {
            people.Add(Ok(await services.GetRequiredService<JoinWorkshop>().HandleAsync(new JoinRequest(workshop.JoinCode.Display, null, i == 0 ? "cy" : "en"))).SessionToken);
        }

        var options = Ok(await services.GetRequiredService<GetWorkshopView>().ForFacilitatorAsync(actor, Workshop)).Current!.Items;
        foreach (var person in people)
        {
            Ok(await services.GetRequiredService<CastVote>().HandleAsync(person, poll, [options[0].Id]));
        }

        Ok(await control.HandleAsync(actor, Workshop, RoomCommand.ShowActivity, board));
        var post = services.GetRequiredService<PostContribution>();
        var moderate = services.GetRequiredService<ModerateContribution>();
        var idea = Ok(await post.HandleAsync(people[0], board, new ContributionDraft(ContributionKind.Idea, "Crèche yn ystod sesiynau")));
        var duplicate = Ok(await post.HandleAsync(people[1], board, new ContributionDraft(ContributionKind.Idea, "Childcare during sessions")));
        Ok(await moderate.HandleAsync(actor, Workshop, duplicate.Id, new Moderation(ModerationCommand.Merge, idea.Id)));
        Ok(await moderate.HandleAsync(actor, Workshop, idea.Id, new Moderation(ModerationCommand.SetTheme, Theme: "Access")));
        Ok(await control.HandleAsync(actor, Workshop, RoomCommand.ShowActivity, build));
        var proposal = Ok(await post.HandleAsync(people[2], build, new ContributionDraft(ContributionKind.OutcomeProposal, "Survivors feel safer")));
        Ok(await services.GetRequiredService<AcceptProposal>().HandleAsync(actor, Workshop, proposal.Id, new FrameworkEdit(FrameworkOperation.AddOutcome, WellbeingGoals: ["goal.healthier"], WaysOfWorking: ["way.involvement"])));
        Framework = Ok(await services.GetRequiredService<GetWorkshopView>().ForFacilitatorAsync(actor, Workshop)).Current!.FrameworkId!.Value;
        Ok(await control.HandleAsync(actor, Workshop, RoomCommand.End, null));
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value;
    }
}

[CollectionDefinition(Name)]
public sealed class WorkshopRecordBrowserCollection : ICollectionFixture<WorkshopRecordBrowserFixture>
{
    public const string Name = "workshop-record-browser";
}

/// <summary>The workshop record and the outcome framework pages in Chromium, English and Welsh, with axe-core (WCAG 2.2 AA).</summary>
[Collection(WorkshopRecordBrowserCollection.Name)]
public sealed class WorkshopRecordBrowserTests(WorkshopRecordBrowserFixture server)
{
    [Theory]
    [InlineData("", "en", "Shaping the refuge service", "A healthier Wales")]
    [InlineData("/cy", "cy", "Llunio'r gwasanaeth lloches", "Cymru iachach")]
    public async Task RecordAndFrameworkPages_EnglishAndWelsh_AreAccessible(string prefix, string lang, string title, string goal)
    {
        await using var staff = await server.OpenAsync("/staff/sign-in");
        await staff.Page.Locator("#email").FillAsync(WorkshopRecordBrowserFixture.Email);
        await staff.Page.Locator("#password").FillAsync(WorkshopRecordBrowserFixture.Password);
        await staff.Page.Locator("#password").PressAsync("Enter");
        await staff.Page.WaitForURLAsync(new Regex("/staff"));

        await staff.GotoAsync($"{prefix}/staff/workshops/{server.Workshop}/record");
        await staff.Page.WaitForLoadStateAsync(LoadState.Load);
        await staff.AssertAccessibleAsync();
        Assert.Equal(lang, await staff.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(title, await staff.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(2, await staff.Page.Locator("main a[download]").CountAsync());

        await staff.GotoAsync($"{prefix}/staff/frameworks/{server.Framework}");
        await staff.Page.WaitForLoadStateAsync(LoadState.Load);
        await staff.AssertAccessibleAsync();
        Assert.Contains(goal, await staff.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        staff.AssertNoBrowserProblems();
    }
}
