using System.Text.Json;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using CoProduce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Api;

public sealed class WorkshopQueryTestsSqlite(SqliteTestDatabase database) : WorkshopQueryTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class WorkshopQueryTestsPostgres(PostgresTestDatabase database) : WorkshopQueryTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// <c>workshops</c>, <c>workshop</c>, <c>outcomeFrameworks</c> and <c>outcomeFramework</c> over HTTP with API tokens,
/// against a workshop run through the Core use cases (three participants voting, an idea posted, a framework built).
/// </summary>
public abstract class WorkshopQueryTests(TestDatabase database) : ApiTestBase(database)
{
    private const string WorkshopQuery = """
        query($id: ID!) { workshop(id: $id) {
          id title { en cy } state youFacilitate participantCount currentActivityId
          activities { id number kind title { text } resultsRevealed items { id label { en } }
            tally { voters suppressed counts { itemId count } } framework { id } }
          approvedIdeas { id activityId number text language theme }
        } }
        """;

    private sealed record Room(WorkshopId Workshop, ActivityId Poll, ActivityId Dots, ActivityId Ideas, ActivityId Framework, OutcomeFrameworkId FrameworkId,
        string Facilitator, string Colleague, string Outsider, StaffActor FacilitatorActor);

    /// <summary>
    /// Organisation A: a facilitator who runs the workshop and a commissioner colleague; organisation B: a facilitator.
    /// Three participants vote on the dot voting (o1: 4 dots, o2: 1) and the poll (o2 twice, not revealed); one idea is
    /// posted on a board without pre-moderation; the framework activity's framework gets an outcome, an indicator and
    /// a measure.
    /// </summary>
    private async Task<Room> RoomAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoProduceDbContext>();
        var orgA = new Organisation(OrganisationId.New(), $"Workshop A {Guid.NewGuid():N}", OrganisationKind.SpecialistService, Jurisdiction.Wales);
        var orgB = new Organisation(OrganisationId.New(), $"Workshop B {Guid.NewGuid():N}", OrganisationKind.SpecialistService, Jurisdiction.Wales);
        db.Organisations.AddRange(orgA, orgB);
        await db.SaveChangesAsync();
        var facilitator = await ApiStaff.CreateAsync(services, "facilitator", orgA.Id, StaffRoles.Facilitator);
        var colleague = await ApiStaff.CreateAsync(services, "colleague", orgA.Id, StaffRoles.Commissioner);
        var outsider = await ApiStaff.CreateAsync(services, "outsider", orgB.Id, StaffRoles.Facilitator);

        var created = (await services.GetRequiredService<CreateWorkshop>().HandleAsync(facilitator.Actor, new WorkshopDetails(
            new("Planning the refuge", "Cynllunio'r lloches"), new("Purpose", "Diben"), CommissioningPhase.Plan, Jurisdiction.Wales,
            Time.GetUtcNow().AddDays(1), new("Be kind", "Byddwch yn garedig"), new("Call 0808 80 10 800", "Ffoniwch 0808 80 10 800"), false))).Value;
        var add = services.GetRequiredService<AddActivity>();
        async Task<ActivityId> AddAsync(ActivityDraft draft) => (await add.HandleAsync(facilitator.Actor, created.Id, draft)).Value;
        var poll = await AddAsync(new(ActivityKind.Poll, new("Where?", "Ble?"), Options: [new("Town", "Tref"), new("Online", "Ar-lein")]));
        var dots = await AddAsync(new(ActivityKind.DotVoting, new("Priorities", "Blaenoriaethau"),
            Options: [new("Childcare", "Gofal plant"), new("Travel", "Teithio"), new("Evenings", "Gyda'r nos")], Dots: 4));
        var ideas = await AddAsync(new(ActivityKind.IdeaBoard, new("Ideas", "Syniadau")));
        var framework = await AddAsync(new(ActivityKind.OutcomeFramework, new("Our outcomes", "Ein canlyniadau")));

        var control = services.GetRequiredService<ControlWorkshop>();
        await control.HandleAsync(facilitator.Actor, created.Id, RoomCommand.Start);
        var join = services.GetRequiredService<JoinWorkshop>();
        var seats = new List<JoinedWorkshop>();
        for (var i = 0; i < 3; i++)
        {
            seats.Add((await join.HandleAsync(new JoinRequest(created.JoinCode.Display, null, "en"))).Value);
        }

        var vote = services.GetRequiredService<CastVote>();
        await control.HandleAsync(facilitator.Actor, created.Id, RoomCommand.ShowActivity, dots);
        Assert.True((await vote.HandleAsync(seats[0].SessionToken, dots, ["o1", "o1", "o1", "o2"])).IsSuccess);
        Assert.True((await vote.HandleAsync(seats[1].SessionToken, dots, ["o1"])).IsSuccess);
        await control.HandleAsync(facilitator.Actor, created.Id, RoomCommand.ShowActivity, poll);
        Assert.True((await vote.HandleAsync(seats[1].SessionToken, poll, ["o2"])).IsSuccess);
        Assert.True((await vote.HandleAsync(seats[2].SessionToken, poll, ["o2"])).IsSuccess);
        await control.HandleAsync(facilitator.Actor, created.Id, RoomCommand.ShowActivity, ideas);
        Assert.True((await services.GetRequiredService<PostContribution>().HandleAsync(seats[2].SessionToken, ideas, new ContributionDraft(ContributionKind.Idea, "More evening sessions"))).IsSuccess);

        var frameworkId = (await services.GetRequiredService<GetWorkshopView>().ForFacilitatorAsync(facilitator.Actor, created.Id)).Value
            .Activities.Single(a => a.Id == framework).FrameworkId!.Value;
        var edit = services.GetRequiredService<EditOutcomeFramework>();
        var outcome = await edit.HandleAsync(facilitator.Actor, frameworkId, new FrameworkEdit(
            FrameworkOperation.AddOutcome, Text: new FrameworkText("Survivors feel safer", ""), WellbeingGoals: ["goal.healthier"], WaysOfWorking: ["way.prevention", "way.involvement"]), created.Id);
        var outcomeKey = outcome.Value.Document.Outcomes.Single().Key;
        var indicator = await edit.HandleAsync(facilitator.Actor, frameworkId, new FrameworkEdit(
            FrameworkOperation.AddIndicator, outcomeKey, new FrameworkText("Feeling safer", "Teimlo'n fwy diogel"), IndicatorType: IndicatorType.Kpi,
            Frequency: ReportingFrequency.SixMonthly, DataSource: "Exit survey"), created.Id);
        var indicatorKey = indicator.Value.Document.Outcomes.Single().Indicators.Single().Key;
        Assert.True((await edit.HandleAsync(facilitator.Actor, frameworkId, new FrameworkEdit(
            FrameworkOperation.AddMeasure, indicatorKey, new FrameworkText("Share who say they feel safer", ""), Target: "80%"), created.Id)).IsSuccess);

        return new Room(created.Id, poll, dots, ideas, framework, frameworkId, facilitator.Token, colleague.Token, outsider.Token, facilitator.Actor);
    }

    private static JsonElement Activity(JsonElement workshop, ActivityId id) =>
        workshop.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id.Value.ToString());

    private static Dictionary<string, int?> Counts(JsonElement activity) =>
        activity.GetProperty("tally").GetProperty("counts").EnumerateArray()
            .ToDictionary(c => c.GetProperty("itemId").GetString()!, c => c.GetProperty("count").ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty("count").GetInt32());

    [Fact]
    public async Task Workshop_Facilitator_EveryActivityWithTalliesSuppressedAsInTheRecordAndTheApprovedIdeas()
    {
        var room = await RoomAsync();

        var workshop = Data(await GraphQLAsync(WorkshopQuery, new { id = room.Workshop.Value.ToString() }, bearerToken: room.Facilitator)).GetProperty("workshop");

        Assert.Equal("Cynllunio'r lloches", workshop.GetProperty("title").GetProperty("cy").GetString());
        Assert.Equal("LIVE", workshop.GetProperty("state").GetString());
        Assert.True(workshop.GetProperty("youFacilitate").GetBoolean());
        Assert.Equal(3, workshop.GetProperty("participantCount").GetInt32());
        Assert.Equal(room.Ideas.Value.ToString(), workshop.GetProperty("currentActivityId").GetString());
        Assert.Equal(["POLL", "DOT_VOTING", "IDEA_BOARD", "OUTCOME_FRAMEWORK"], workshop.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("kind").GetString()));
        var dots = Activity(workshop, room.Dots);
        // Two voters, under the threshold of 10: every count leaving the room is suppressed, facilitators' included.
        Assert.Equal(new Dictionary<string, int?> { ["o1"] = null, ["o2"] = null, ["o3"] = null }, Counts(dots));
        Assert.Equal(JsonValueKind.Null, dots.GetProperty("tally").GetProperty("voters").ValueKind);
        Assert.True(dots.GetProperty("tally").GetProperty("suppressed").GetBoolean());
        Assert.Equal(new Dictionary<string, int?> { ["o1"] = null, ["o2"] = null }, Counts(Activity(workshop, room.Poll)));
        Assert.Equal(JsonValueKind.Null, Activity(workshop, room.Ideas).GetProperty("tally").ValueKind);
        Assert.Equal(room.FrameworkId.Value.ToString(), Activity(workshop, room.Framework).GetProperty("framework").GetProperty("id").GetString());
        var idea = Assert.Single(workshop.GetProperty("approvedIdeas").EnumerateArray());
        Assert.Equal("More evening sessions", idea.GetProperty("text").GetString());
        Assert.Equal(room.Ideas.Value.ToString(), idea.GetProperty("activityId").GetString());
    }

    [Fact]
    public async Task Workshop_OrganisationStaffWhoDoNotFacilitate_SmallCountsSuppressedAndUnrevealedPollHidden()
    {
        var room = await RoomAsync();

        var workshop = Data(await GraphQLAsync(WorkshopQuery, new { id = room.Workshop.Value.ToString() }, bearerToken: room.Colleague)).GetProperty("workshop");

        Assert.False(workshop.GetProperty("youFacilitate").GetBoolean());
        var dots = Activity(workshop, room.Dots);
        Assert.True(dots.GetProperty("tally").GetProperty("suppressed").GetBoolean());
        Assert.Equal(new Dictionary<string, int?> { ["o1"] = null, ["o2"] = null, ["o3"] = null }, Counts(dots));
        Assert.Equal(JsonValueKind.Null, Activity(workshop, room.Poll).GetProperty("tally").ValueKind);
        Assert.Single(workshop.GetProperty("approvedIdeas").EnumerateArray());
    }

    [Fact]
    public async Task Workshop_SmallRoomWithConfiguredThreshold_ApiAgreesWithTheRecordForFacilitatorAndColleague()
    {
        // Threshold 2 (Workshops:SuppressionThreshold): two voters are enough to show counts, a count of 1 is not.
        Factory.WithServices(services => services.PostConfigure<WorkshopOptions>(o => o.SuppressionThreshold = 2));
        var room = await RoomAsync();
        WorkshopRecord record;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            record = (await scope.ServiceProvider.GetRequiredService<GetWorkshopRecord>().HandleAsync(room.FacilitatorActor, room.Workshop)).Value;
        }

        var recordedDots = record.Activities.Single(a => a.Kind == ActivityKind.DotVoting);
        var recordedPoll = record.Activities.Single(a => a.Kind == ActivityKind.Poll);
        // o2 (1) is under the threshold; o3 (0) is the next smallest, suppressed with it.
        Assert.Equal(new Dictionary<string, int?> { ["o1"] = 4, ["o2"] = null, ["o3"] = null }, recordedDots.Items.ToDictionary(i => i.Id, i => i.Count.Value));
        foreach (var token in new[] { room.Facilitator, room.Colleague })
        {
            var workshop = Data(await GraphQLAsync(WorkshopQuery, new { id = room.Workshop.Value.ToString() }, bearerToken: token)).GetProperty("workshop");
            var dots = Activity(workshop, room.Dots);
            Assert.Equal(recordedDots.Items.ToDictionary(i => i.Id, i => i.Count.Value), Counts(dots));
            Assert.Equal(recordedDots.Voters?.Value, dots.GetProperty("tally").GetProperty("voters").GetInt32());
            Assert.True(dots.GetProperty("tally").GetProperty("suppressed").GetBoolean());
        }

        // The unrevealed poll: only its facilitator reads it through the API, with the record's counts.
        var poll = Activity(Data(await GraphQLAsync(WorkshopQuery, new { id = room.Workshop.Value.ToString() }, bearerToken: room.Facilitator)).GetProperty("workshop"), room.Poll);
        Assert.Equal(recordedPoll.Items.ToDictionary(i => i.Id, i => i.Count.Value), Counts(poll));
        Assert.Equal(new Dictionary<string, int?> { ["o1"] = 0, ["o2"] = 2 }, Counts(poll));
    }

    [Fact]
    public async Task Workshop_OtherOrganisationOrAnonymous_NothingRevealed()
    {
        var room = await RoomAsync();
        var variables = new { id = room.Workshop.Value.ToString() };

        var outsider = Data(await GraphQLAsync(WorkshopQuery, variables, bearerToken: room.Outsider)).GetProperty("workshop");
        var outsiderList = Data(await GraphQLAsync("{ workshops(first: 100) { edges { node { id } } } }", bearerToken: room.Outsider)).GetProperty("workshops");
        var anonymous = await GraphQLAsync(WorkshopQuery, variables);

        Assert.Equal(JsonValueKind.Null, outsider.ValueKind);
        Assert.DoesNotContain(outsiderList.GetProperty("edges").EnumerateArray(), e => e.GetProperty("node").GetProperty("id").GetString() == variables.id);
        Assert.Equal("UNAUTHENTICATED", anonymous.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Workshops_Pages_FollowTheCursorToTheNextPage()
    {
        var room = await RoomAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            // A second workshop of the same facilitator, planned later: it comes second.
            var me = Data(await GraphQLAsync("{ me { id organisation { id } } }", bearerToken: room.Facilitator)).GetProperty("me");
            var actor = new StaffActor(new StaffUserId(Guid.Parse(me.GetProperty("id").GetString()!)), new OrganisationId(Guid.Parse(me.GetProperty("organisation").GetProperty("id").GetString()!)), StaffRoles.Facilitator, "facilitator");
            Assert.True((await scope.ServiceProvider.GetRequiredService<CreateWorkshop>().HandleAsync(actor, new WorkshopDetails(
                new("Later", "Hwyrach"), new("Purpose", "Diben"), CommissioningPhase.Plan, Jurisdiction.Wales, Time.GetUtcNow().AddDays(9),
                new("Rules", "Rheolau"), new("Support", "Cymorth"), true))).IsSuccess);
        }

        const string Page = "query($after: String) { workshops(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title { en } } } } }";
        var first = Data(await GraphQLAsync(Page, new { after = (string?)null }, bearerToken: room.Facilitator)).GetProperty("workshops");
        var second = Data(await GraphQLAsync(Page, new { after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() }, bearerToken: room.Facilitator)).GetProperty("workshops");

        Assert.Equal(2, first.GetProperty("totalCount").GetInt32());
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal("Planning the refuge", first.GetProperty("edges")[0].GetProperty("node").GetProperty("title").GetProperty("en").GetString());
        Assert.Equal("Later", second.GetProperty("edges")[0].GetProperty("node").GetProperty("title").GetProperty("en").GetString());
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task OutcomeFramework_OrganisationStaff_CurrentDocumentWithWellbeingNamesAndVersions()
    {
        var room = await RoomAsync();
        const string Query = """
            query($id: ID!) { outcomeFramework(id: $id) {
              title { en } jurisdiction version owner { name }
              document { outcomes { key statement { en cy text(language: CY) }
                wellbeingGoals { code kind name { cy } } waysOfWorking { code kind name { en } }
                indicators { statement { text } type nature dataSource frequency whoReports measures { description { en } target } } } }
              versions { version summary savedOn workshopId }
            } }
            """;

        var framework = Data(await GraphQLAsync(Query, new { id = room.FrameworkId.Value.ToString() }, bearerToken: room.Colleague)).GetProperty("outcomeFramework");
        var outsider = Data(await GraphQLAsync(Query, new { id = room.FrameworkId.Value.ToString() }, bearerToken: room.Outsider)).GetProperty("outcomeFramework");
        var list = Data(await GraphQLAsync("{ outcomeFrameworks { totalCount edges { node { id version } } } }", bearerToken: room.Colleague)).GetProperty("outcomeFrameworks");

        Assert.Equal(3, framework.GetProperty("version").GetInt32());
        Assert.Equal("WALES", framework.GetProperty("jurisdiction").GetString());
        var outcome = Assert.Single(framework.GetProperty("document").GetProperty("outcomes").EnumerateArray());
        Assert.Equal("Survivors feel safer", outcome.GetProperty("statement").GetProperty("text").GetString()); // No Welsh yet: falls back to English.
        Assert.Equal("", outcome.GetProperty("statement").GetProperty("cy").GetString());
        var goal = Assert.Single(outcome.GetProperty("wellbeingGoals").EnumerateArray());
        Assert.Equal(("goal.healthier", "GOAL", "Cymru iachach"), (goal.GetProperty("code").GetString(), goal.GetProperty("kind").GetString(), goal.GetProperty("name").GetProperty("cy").GetString()));
        Assert.Equal(["Prevention", "Involvement"], outcome.GetProperty("waysOfWorking").EnumerateArray().Select(w => w.GetProperty("name").GetProperty("en").GetString()));
        var indicator = Assert.Single(outcome.GetProperty("indicators").EnumerateArray());
        Assert.Equal(("KPI", "SUBJECTIVE", "SIX_MONTHLY", "Exit survey"), (indicator.GetProperty("type").GetString(), indicator.GetProperty("nature").GetString(), indicator.GetProperty("frequency").GetString(), indicator.GetProperty("dataSource").GetString()));
        Assert.Equal("80%", Assert.Single(indicator.GetProperty("measures").EnumerateArray()).GetProperty("target").GetString());
        Assert.Equal([3, 2, 1], framework.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(framework.GetProperty("versions").EnumerateArray(), v => Assert.Equal(room.Workshop.Value.ToString(), v.GetProperty("workshopId").GetString()));
        Assert.StartsWith("AddOutcome", framework.GetProperty("versions")[2].GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, outsider.ValueKind);
        Assert.Contains(list.GetProperty("edges").EnumerateArray(), e => e.GetProperty("node").GetProperty("id").GetString() == room.FrameworkId.Value.ToString());
    }
}
