using System.Net;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using CoProduce.Server.Tests.Hubs;
using CoProduce.Server.Tests.Journey;
using CoProduce.Server.Tests.Staff;
using CoProduce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Pages.Staff.Workshops;

public sealed class WorkshopEditingPagesTestsSqlite(SqliteTestDatabase database) : WorkshopEditingPagesTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>
/// The facilitator's pages without JavaScript: changing the workshop details, adding, changing,
/// moving and removing activities, comments on the run page, and counts in both languages.
/// </summary>
public abstract class WorkshopEditingPagesTests(TestDatabase database) : WorkshopStaffPagesTestBase(database)
{
    private static readonly ActivityDraft Poll = new(ActivityKind.Poll, new LocalizedText("Where should we meet?", "Ble dylem ni gwrdd?"), Options: [new("Town", "Tref"), new("Online", "Ar-lein")]);

    private Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> read) => Server.RunAsync(s => read(s.GetRequiredService<CoProduceDbContext>()));

    private Task<WorkshopView> FacilitatorViewAsync(WorkshopId id) =>
        Server.RunAsync(async s => (await s.GetRequiredService<GetWorkshopView>().ForFacilitatorAsync(Facilitator, id)).Value);

    /// <summary>A live workshop with the given activities, showing none of them yet.</summary>
    private async Task<(WorkshopId Workshop, IReadOnlyList<ActivityId> Activities)> ShowingNothingAsync(params ActivityDraft[] drafts)
    {
        var (created, first) = await Server.LiveWorkshopAsync(Facilitator, drafts.Length > 0 ? drafts[0] : Poll);
        var ids = new List<ActivityId> { first };
        await Server.RunAsync(async s =>
        {
            // Show nothing, so that every activity can still be changed.
            await s.GetRequiredService<ControlWorkshop>().HandleAsync(Facilitator, created.Id, RoomCommand.ShowActivity);
            foreach (var draft in drafts.Skip(1))
            {
                ids.Add((await s.GetRequiredService<AddActivity>().HandleAsync(Facilitator, created.Id, draft)).Value);
            }

            return true;
        });
        return (created.Id, ids);
    }

    // ---- Workshop details ---------------------------------------------------------------------

    [Fact]
    public async Task EditDetails_Valid_SavesAndGoesBackToTheRunPage()
    {
        var (workshop, _) = await ShowingNothingAsync();
        var browser = await SignedInAsync();
        var form = await browser.GetAsync($"/staff/workshops/{workshop}/edit");
        Assert.Contains("value=\"Hub test\"", form, StringComparison.Ordinal);

        await browser.PostAsync($"/staff/workshops/{workshop}/edit",
            ("title-en", "Shaping refuge support"), ("title-cy", "Llunio cymorth lloches"), ("purpose-en", "Purpose"), ("purpose-cy", "Diben"),
            ("groundRules-en", "Be kind"), ("groundRules-cy", "Byddwch yn garedig"), ("supportInformation-en", "Call 0808 2000 247"), ("supportInformation-cy", "Ffoniwch 0808 2000 247"),
            ("phase", "Review"), ("jurisdiction", "England"), ("date", "2027-03-01"), ("time", "10:30"), ("admission", "true"));

        Assert.Equal($"/staff/workshops/{workshop}", browser.Path);
        Assert.Contains("Shaping refuge support", browser.Html, StringComparison.Ordinal);
        var saved = await WithDbAsync(db => db.Workshops.AsNoTracking().SingleAsync(w => w.Id == workshop));
        Assert.Equal((CommissioningPhase.Review, Jurisdiction.England, true), (saved.Phase, saved.Jurisdiction, saved.AdmissionRequired));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 10, 30, 0, TimeSpan.Zero), saved.ScheduledAt);
    }

    [Theory]
    [InlineData("", "Enter this in English and in Welsh.")]
    [InlineData("/cy", "Rhowch hwn yn Saesneg ac yn Gymraeg.")]
    public async Task EditDetails_WelshTitleMissing_ShowsLocalisedErrorAndKeepsWhatWasTyped(string prefix, string message)
    {
        var (workshop, _) = await ShowingNothingAsync();
        var browser = await SignedInAsync();
        await browser.GetAsync($"{prefix}/staff/workshops/{workshop}/edit");

        var html = await browser.PostAsync($"{prefix}/staff/workshops/{workshop}/edit",
            ("title-en", "A new English title"), ("title-cy", " "), ("purpose-en", "Changed purpose"), ("purpose-cy", "Diben newydd"),
            ("groundRules-en", "Be kind"), ("groundRules-cy", "Byddwch yn garedig"), ("supportInformation-en", "Call us"), ("supportInformation-cy", "Ffoniwch ni"),
            ("phase", "Plan"), ("jurisdiction", "Wales"), ("date", "2027-03-01"), ("time", "10:30"));

        Assert.Equal(message, Assert.Single(browser.ErrorSummary()));
        Assert.Contains("href=\"#title-en\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"A new English title\"", html, StringComparison.Ordinal);
        Assert.Contains("Diben newydd</textarea>", html, StringComparison.Ordinal);
        Assert.Equal("Hub test", (await FacilitatorViewAsync(workshop)).Title.En);
    }

    [Fact]
    public async Task EditDetails_ColleagueWhoDoesNotFacilitate_IsForbiddenAndOtherOrganisationNotFound()
    {
        var (workshop, _) = await ShowingNothingAsync();
        var colleague = await SignedInAsync(await Server.NewStaffAsync(StaffRoles.Facilitator));
        var outsider = await SignedInAsync(await Server.NewStaffAsync(StaffRoles.Facilitator, DemoOrganisation.CommissionerId));

        await colleague.GetAsync($"/staff/workshops/{workshop}/edit");
        await outsider.GetAsync($"/staff/workshops/{workshop}/edit");

        Assert.Equal(HttpStatusCode.Forbidden, colleague.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
    }

    // ---- Activities ---------------------------------------------------------------------------

    [Fact]
    public async Task AddActivity_ContinuingAnExistingFramework_IsAddedWithThatFramework()
    {
        var (workshop, _) = await ShowingNothingAsync();
        var existing = OutcomeFrameworkId.New();
        await WithDbAsync(async db =>
        {
            db.OutcomeFrameworks.Add(new OutcomeFramework(existing, new LocalizedText("Refuge outcomes 2026", "Canlyniadau lloches 2026"), Jurisdiction.Wales, DemoOrganisation.ServiceId));
            return await db.SaveChangesAsync();
        });
        var browser = await SignedInAsync();
        var run = await browser.GetAsync($"/staff/workshops/{workshop}");
        Assert.Contains($"<option value=\"{existing}\">Refuge outcomes 2026</option>", run, StringComparison.Ordinal);

        await browser.PostAsync($"/staff/workshops/{workshop}?handler=AddActivity",
            ("kind", "OutcomeFramework"), ("activityTitle-en", "Our outcomes"), ("activityTitle-cy", "Ein canlyniadau"), ("framework", existing.ToString()), ("premoderation", "true"));

        Assert.Empty(browser.ErrorSummary());
        var added = (await FacilitatorViewAsync(workshop)).Activities.Last();
        Assert.Equal((ActivityKind.OutcomeFramework, existing, true), (added.Kind, added.FrameworkId!.Value, added.PreModeration));
    }

    [Theory]
    [InlineData("", "Give between 2 and 20 options, each in English and in Welsh.")]
    [InlineData("/cy", "Rhowch rhwng 2 a 20 o opsiynau, pob un yn Saesneg ac yn Gymraeg.")]
    public async Task AddActivity_PollWithOneOption_ShowsErrorAtTheFieldAndKeepsWhatWasTyped(string prefix, string message)
    {
        var (workshop, _) = await ShowingNothingAsync();
        var browser = await SignedInAsync();
        await browser.GetAsync($"{prefix}/staff/workshops/{workshop}");

        var html = await browser.PostAsync($"{prefix}/staff/workshops/{workshop}?handler=AddActivity",
            ("kind", "Poll"), ("activityTitle-en", "When suits you?"), ("activityTitle-cy", "Pryd sy'n gyfleus?"), ("options", "Evenings | Gyda'r nos"), ("multiple", "true"));

        Assert.Equal(message, Assert.Single(browser.ErrorSummary()));
        Assert.Contains("href=\"#options\"", html, StringComparison.Ordinal);
        Assert.Contains("Evenings | Gyda&#x27;r nos</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"When suits you?\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"multiple\"[^>]*checked", html);
        Assert.Single((await FacilitatorViewAsync(workshop)).Activities);
    }

    [Fact]
    public async Task ActivityPage_NotYetShown_IsPrefilledAndSavesTheChange()
    {
        var (workshop, activities) = await ShowingNothingAsync(Poll, new ActivityDraft(ActivityKind.DotVoting, new LocalizedText("Priorities", "Blaenoriaethau"), Options: [new("Childcare", "Gofal plant"), new("Travel", "Teithio")], Dots: 3));
        var browser = await SignedInAsync();
        var form = await browser.GetAsync($"/staff/workshops/{workshop}/activities/{activities[1]}");
        Assert.Contains("Childcare | Gofal plant", form, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"kind\"", form, StringComparison.Ordinal);

        await browser.PostAsync($"/staff/workshops/{workshop}/activities/{activities[1]}",
            ("kind", "Poll"), ("activityTitle-en", "What matters most?"), ("activityTitle-cy", "Beth sydd bwysicaf?"), ("options", "Childcare | Gofal plant\nTravel | Teithio\nInterpreting | Cyfieithu"), ("dots", "5"));

        Assert.Equal($"/staff/workshops/{workshop}", browser.Path);
        var changed = (await FacilitatorViewAsync(workshop)).Activities[1];
        Assert.Equal((ActivityKind.DotVoting, "Beth sydd bwysicaf?", 5, 3), (changed.Kind, changed.Title.Cy, changed.Dots, changed.Items.Count));
    }

    [Fact]
    public async Task ActivityPage_TooManyDots_ShowsErrorAndKeepsWhatWasTyped()
    {
        var (workshop, activities) = await ShowingNothingAsync(new ActivityDraft(ActivityKind.DotVoting, new LocalizedText("Priorities", "Blaenoriaethau"), Options: [new("Childcare", "Gofal plant"), new("Travel", "Teithio")]));
        var browser = await SignedInAsync();
        await browser.GetAsync($"/staff/workshops/{workshop}/activities/{activities[0]}");

        var html = await browser.PostAsync($"/staff/workshops/{workshop}/activities/{activities[0]}",
            ("activityTitle-en", "Your priorities"), ("activityTitle-cy", "Eich blaenoriaethau"), ("options", "Childcare | Gofal plant\nTravel | Teithio"), ("dots", "99"));

        Assert.Equal("Give each person between 1 and 10 dots.", Assert.Single(browser.ErrorSummary()));
        Assert.Contains("href=\"#dots\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"99\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Your priorities\"", html, StringComparison.Ordinal);
        Assert.Equal("Priorities", (await FacilitatorViewAsync(workshop)).Activities[0].Title.En);
    }

    [Fact]
    public async Task ActivityPage_ShowingNow_ExplainsItCannotChangeAndOffersNoForm()
    {
        var (created, poll) = await Server.LiveWorkshopAsync(Facilitator, Poll);
        var browser = await SignedInAsync();

        var html = await browser.GetAsync($"/staff/workshops/{created.Id}/activities/{poll}");

        Assert.StartsWith("This activity is showing now or people have already answered it", Assert.Single(browser.ErrorSummary()), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"activityTitle-en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityPage_OtherOrganisationsFacilitator_IsNotFound()
    {
        var (workshop, activities) = await ShowingNothingAsync();
        var outsider = await SignedInAsync(await Server.NewStaffAsync(StaffRoles.Facilitator, DemoOrganisation.CommissionerId));

        await outsider.GetAsync($"/staff/workshops/{workshop}/activities/{activities[0]}");

        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
    }

    [Fact]
    public async Task RunPage_MoveDownThenRemove_ReordersAndRemovesUnusedActivity()
    {
        var board = new ActivityDraft(ActivityKind.IdeaBoard, new LocalizedText("Ideas", "Syniadau"));
        var (workshop, activities) = await ShowingNothingAsync(Poll, board, Poll with { Title = new LocalizedText("Second poll", "Ail bôl") });
        var browser = await SignedInAsync();
        await browser.GetAsync($"/staff/workshops/{workshop}");

        await browser.PostAsync($"/staff/workshops/{workshop}?handler=MoveActivity", ("activityId", activities[0].ToString()), ("direction", "Down"));
        await browser.PostAsync($"/staff/workshops/{workshop}?handler=RemoveActivity", ("activityId", activities[2].ToString()));

        Assert.Empty(browser.ErrorSummary());
        Assert.Equal([activities[1], activities[0]], (await FacilitatorViewAsync(workshop)).Activities.Select(a => a.Id));
    }

    [Fact]
    public async Task RunPage_RemoveAnsweredActivity_IsRefusedWithAMessage()
    {
        var (created, poll) = await Server.LiveWorkshopAsync(Facilitator, Poll);
        var joined = await Server.JoinAsync(created.JoinCode);
        await Server.RunAsync(s => s.GetRequiredService<CastVote>().HandleAsync(joined.SessionToken, poll, ["o1"]));
        var browser = await SignedInAsync();
        await browser.GetAsync($"/cy/staff/workshops/{created.Id}");

        await browser.PostAsync($"/cy/staff/workshops/{created.Id}?handler=RemoveActivity", ("activityId", poll.ToString()));

        Assert.StartsWith("Mae'r gweithgaredd hwn yn cael ei ddangos nawr", Assert.Single(browser.ErrorSummary()), StringComparison.Ordinal);
        Assert.Single((await FacilitatorViewAsync(created.Id)).Activities);
    }

    // ---- Counts and comments ------------------------------------------------------------------

    [Theory]
    [InlineData("", 2, "2 people in the room", "Town: 2 votes")]
    [InlineData("/cy", 2, "2 berson yn yr ystafell", "Tref: 2 bleidlais")]
    [InlineData("/cy", 3, "3 pherson yn yr ystafell", "Tref: 3 pleidlais")]
    [InlineData("/cy", 1, "1 person yn yr ystafell", "Tref: 1 bleidlais")]
    public async Task RunPage_Counts_UseThePluralFormsOfTheLanguage(string prefix, int people, string inRoom, string tally)
    {
        var (created, poll) = await Server.LiveWorkshopAsync(Facilitator, Poll);
        for (var i = 0; i < people; i++)
        {
            var joined = await Server.JoinAsync(created.JoinCode);
            await Server.RunAsync(s => s.GetRequiredService<CastVote>().HandleAsync(joined.SessionToken, poll, ["o1"]));
        }

        var browser = await SignedInAsync();
        var html = System.Net.WebUtility.HtmlDecode(await browser.GetAsync($"{prefix}/staff/workshops/{created.Id}"));

        Assert.Contains(inRoom, html, StringComparison.Ordinal);
        Assert.Contains(tally, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_CommentOnProposal_IsShownUnderItAndCanBeApproved()
    {
        var framework = new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Outcomes", "Canlyniadau"), PreModeration: true);
        var (created, activity) = await Server.LiveWorkshopAsync(Facilitator, framework);
        var joined = await Server.JoinAsync(created.JoinCode);
        var (proposal, comment) = await Server.RunAsync(async s =>
        {
            var post = s.GetRequiredService<PostContribution>();
            var p = (await post.HandleAsync(joined.SessionToken, activity, new ContributionDraft(ContributionKind.OutcomeProposal, "Survivors feel believed"))).Value;
            var c = (await post.HandleAsync(joined.SessionToken, activity, new ContributionDraft(ContributionKind.Comment, "And by the police", p.Id))).Value;
            return (p, c);
        });
        var browser = await SignedInAsync();
        var html = await browser.GetAsync($"/staff/workshops/{created.Id}");

        var proposalAt = html.IndexOf("Survivors feel believed", StringComparison.Ordinal);
        var commentAt = html.IndexOf("And by the police", StringComparison.Ordinal);
        Assert.True(proposalAt > 0 && commentAt > proposalAt, "The comment is shown after its proposal.");
        Assert.Contains("1 comment", html, StringComparison.Ordinal);

        await browser.PostAsync($"/staff/workshops/{created.Id}?handler=Moderate", ("contributionId", comment.Id.ToString()), ("command", "Approve"));

        var room = await Server.RunAsync(async s => (await s.GetRequiredService<GetWorkshopView>().ForParticipantAsync(joined.SessionToken)).Value);
        Assert.DoesNotContain(room.Contributions, c => c.Id == proposal.Id);
        Assert.Equal(proposal.Id, Assert.Single(room.Contributions).ParentId);
    }

    [Fact]
    public async Task LivePage_Welsh_GivesTheScriptEveryPluralFormOfEachCount()
    {
        var (created, _) = await Server.LiveWorkshopAsync(Facilitator, Poll);
        var browser = Browser();
        await browser.GetAsync("/cy/workshop");
        await browser.PostAsync("/cy/workshop", ("code", created.JoinCode.Display), ("language", "cy"));

        var html = System.Net.WebUtility.HtmlDecode(browser.Html);

        foreach (var form in new[] { "zero", "one", "two", "few", "many", "other" })
        {
            Assert.Contains($"\"Workshop.Tally.Poll.{form}\"", html, StringComparison.Ordinal);
            Assert.Contains($"\"Workshop.Live.DotsLeft.{form}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("{1}: {0} bleidlais", html, StringComparison.Ordinal);
    }
}
