using System.Text.Json;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using CoProduce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoProduce.Core.Tests.Workshops;

public sealed class GetWorkshopRecordTestsSqlite(SqliteTestDatabase database) : GetWorkshopRecordTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class GetWorkshopRecordTestsPostgres(PostgresTestDatabase database) : GetWorkshopRecordTests(database), IClassFixture<PostgresTestDatabase>;

public abstract class GetWorkshopRecordTests(TestDatabase database) : WorkshopTestBase(database)
{
    private async Task<List<SessionToken>> JoinManyAsync(JoinCode code, int count)
    {
        var tokens = new List<SessionToken>();
        for (var i = 0; i < count; i++)
        {
            tokens.Add((await JoinAsync(code, pseudonym: $"Seat-{i}-Pseudonym")).SessionToken);
        }

        return tokens;
    }

    private async Task<WorkshopRecord> RecordAsync(WorkshopId id, StaffActor? actor = null)
    {
        var record = await Run<GetWorkshopRecord, Result<WorkshopRecord>>(h => h.HandleAsync(actor ?? Facilitator, id));
        Assert.True(record.IsSuccess, string.Join("; ", record.Errors));
        return record.Value;
    }

    /// <summary>The record with another threshold, as <c>Workshops:SuppressionThreshold</c> would set it.</summary>
    private async Task<WorkshopRecord> RecordWithThresholdAsync(WorkshopId id, int threshold)
    {
        await using var scope = Services.CreateAsyncScope();
        var handler = new GetWorkshopRecord(
            scope.ServiceProvider.GetRequiredService<CoProduceDbContext>(),
            scope.ServiceProvider.GetRequiredService<WorkshopAccess>(),
            Options.Create(new WorkshopOptions { SuppressionThreshold = threshold }));
        return (await handler.HandleAsync(Facilitator, id)).Value;
    }

    private static int? Count(RecordActivity activity, string label) => activity.Items.Single(i => i.Label.En == label).Count.Value;

    [Fact]
    public async Task HandleAsync_PollWithOneSmallCount_SuppressesItAndTheNextSmallest()
    {
        var (workshop, activity) = await LiveWithAsync(Poll());
        var people = await JoinManyAsync(workshop.JoinCode, 12);
        var options = (await FacilitatorViewAsync(workshop.Id)).Current!.Items;
        for (var i = 0; i < people.Count; i++)
        {
            Assert.True((await VoteAsync(people[i], activity, options[i < 10 ? 0 : 1].Id)).IsSuccess);
        }

        var record = Assert.Single((await RecordAsync(workshop.Id)).Activities);

        Assert.Equal(12, record.Voters?.Value);
        Assert.Equal(10, Count(record, "Town centre"));
        // 2 is under 10; 0 ("Outreach") is suppressed with it so 2 cannot be read off as 12 − 10 − 0.
        Assert.Null(Count(record, "Online"));
        Assert.Null(Count(record, "Outreach"));
    }

    [Fact]
    public async Task HandleAsync_OnlySmallCountIsNextToAShownTotal_SecondarySuppressionHidesTheLargerOne()
    {
        var (workshop, activity) = await LiveWithAsync(Poll());
        var people = await JoinManyAsync(workshop.JoinCode, 5);
        var options = (await FacilitatorViewAsync(workshop.Id)).Current!.Items;
        string[] votes = [options[0].Id, options[0].Id, options[1].Id, options[1].Id, options[2].Id];
        for (var i = 0; i < people.Count; i++)
        {
            await VoteAsync(people[i], activity, votes[i]);
        }

        var record = Assert.Single((await RecordWithThresholdAsync(workshop.Id, 2)).Activities);

        Assert.Equal(5, record.Voters?.Value);
        Assert.Null(Count(record, "Outreach"));
        // Town centre and Online both have 2; the tie goes to the first in ordinal order of ids.
        Assert.Single(record.Items, i => i.Count.Suppressed && i.Label.En != "Outreach");
        Assert.Single(record.Items, i => i.Count.Value == 2);
    }

    [Fact]
    public async Task HandleAsync_FewerThanThresholdTookPart_EveryCountSuppressed()
    {
        var (workshop, activity) = await LiveWithAsync(Poll());
        var people = await JoinManyAsync(workshop.JoinCode, 3);
        var options = (await FacilitatorViewAsync(workshop.Id)).Current!.Items;
        foreach (var person in people)
        {
            await VoteAsync(person, activity, options[0].Id);
        }

        var whole = await RecordAsync(workshop.Id);
        var record = Assert.Single(whole.Activities);

        Assert.True(whole.ParticipantsAdmitted.Suppressed);
        Assert.True(record.Voters?.Suppressed);
        Assert.All(record.Items, i => Assert.True(i.Count.Suppressed));
        Assert.Equal(10, whole.Suppression.Threshold);
    }

    [Fact]
    public async Task HandleAsync_Ranking_ScoresByPositionWithSuppression()
    {
        var ranking = new ActivityDraft(ActivityKind.Ranking, new LocalizedText("Most important", "Pwysicaf"), Options: [new("Safety", "Diogelwch"), new("Housing", "Tai")]);
        var (workshop, activity) = await LiveWithAsync(ranking);
        var people = await JoinManyAsync(workshop.JoinCode, 3);
        var items = (await FacilitatorViewAsync(workshop.Id)).Current!.Items;
        foreach (var person in people)
        {
            await VoteAsync(person, activity, items[0].Id, items[1].Id);
        }

        var record = Assert.Single((await RecordWithThresholdAsync(workshop.Id, 2)).Activities);

        Assert.Equal(ActivityKind.Ranking, record.Kind);
        Assert.Equal((6, 3), (Count(record, "Safety"), Count(record, "Housing")));
    }

    [Fact]
    public async Task HandleAsync_IdeaBoard_HiddenAndPendingLeftOut_MergedUnderTarget_GroupedByTheme()
    {
        var (workshop, activity) = await LiveWithAsync(IdeaBoard());
        var person = (await JoinAsync(workshop.JoinCode)).SessionToken;
        var safe = (await PostAsync(person, activity, "A safe room to wait in")).Value;
        var duplicate = (await PostAsync(person, activity, "Somewhere safe to wait")).Value;
        var hidden = (await PostAsync(person, activity, "Name of a worker who was rude")).Value;
        var childcare = (await PostAsync(person, activity, "Crèche during sessions")).Value;
        var loose = (await PostAsync(person, activity, "Evening opening")).Value;
        await ModerateAsync(workshop.Id, hidden.Id, new Moderation(ModerationCommand.Hide));
        await ModerateAsync(workshop.Id, duplicate.Id, new Moderation(ModerationCommand.Merge, safe.Id));
        await ModerateAsync(workshop.Id, safe.Id, new Moderation(ModerationCommand.SetTheme, Theme: "Safety"));
        await ModerateAsync(workshop.Id, childcare.Id, new Moderation(ModerationCommand.SetTheme, Theme: "Access"));

        var record = Assert.Single((await RecordAsync(workshop.Id)).Activities);

        Assert.Null(record.Voters);
        Assert.Equal(["Safety", "Access", null], record.Themes.Select(t => t.Name));
        var first = Assert.Single(record.Themes[0].Ideas);
        Assert.Equal(("A safe room to wait in", safe.Number), (first.Text, first.Number));
        Assert.Equal("Somewhere safe to wait", Assert.Single(first.Merged).Text);
        Assert.Equal(loose.Number, Assert.Single(record.Themes[2].Ideas).Number);
        var all = record.Themes.SelectMany(t => t.Ideas).SelectMany(i => i.Merged.Prepend(i)).Select(i => i.Text).ToList();
        Assert.DoesNotContain("Name of a worker who was rude", all);
        Assert.Equal(4, all.Count);
    }

    [Fact]
    public async Task HandleAsync_PreModeratedIdeaNeverApproved_IsLeftOut()
    {
        var (workshop, activity) = await LiveWithAsync(IdeaBoard(preModeration: true));
        var person = (await JoinAsync(workshop.JoinCode)).SessionToken;
        await PostAsync(person, activity, "Still waiting for the facilitator");

        var record = Assert.Single((await RecordAsync(workshop.Id)).Activities);

        Assert.Empty(record.Themes);
    }

    [Fact]
    public async Task HandleAsync_DotVotingOverIdeas_HiddenIdeaNotListed()
    {
        var workshop = await CreateAsync();
        var board = await AddAsync(workshop.Id, IdeaBoard());
        var dots = await AddAsync(workshop.Id, new ActivityDraft(ActivityKind.DotVoting, new LocalizedText("Vote", "Pleidleisiwch"), Dots: 2, SourceActivityId: board));
        await ControlAsync(workshop.Id, RoomCommand.Start);
        await ControlAsync(workshop.Id, RoomCommand.ShowActivity, board);
        var person = (await JoinAsync(workshop.JoinCode)).SessionToken;
        var kept = (await PostAsync(person, activity: board, "Longer opening hours")).Value;
        var later = (await PostAsync(person, activity: board, "Something hidden later")).Value;
        await ControlAsync(workshop.Id, RoomCommand.ShowActivity, dots);
        await VoteAsync(person, dots, kept.Id.ToString(), later.Id.ToString());
        await ModerateAsync(workshop.Id, later.Id, new Moderation(ModerationCommand.Hide));

        var record = (await RecordWithThresholdAsync(workshop.Id, 1)).Activities.Single(a => a.Kind == ActivityKind.DotVoting);

        var item = Assert.Single(record.Items);
        Assert.Equal(("Longer opening hours", 1), (item.Label.En, item.Count.Value));
        Assert.Equal(2, record.Dots);
    }

    [Fact]
    public async Task HandleAsync_OutcomeFramework_AcceptedProposalsAndVersionReached()
    {
        var (workshop, activity) = await LiveWithAsync(new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Our outcomes", "Ein canlyniadau")));
        var person = (await JoinAsync(workshop.JoinCode, language: "cy")).SessionToken;
        var accepted = (await PostAsync(person, activity, "Mae goroeswyr yn teimlo'n ddiogel", ContributionKind.OutcomeProposal)).Value;
        var notAccepted = (await PostAsync(person, activity, "Not taken up", ContributionKind.OutcomeProposal)).Value;
        await VoteAsync(person, activity, accepted.Id.ToString(), notAccepted.Id.ToString());
        var change = await Run<AcceptProposal, Result<FrameworkChanged>>(h => h.HandleAsync(Facilitator, workshop.Id, accepted.Id));

        var record = Assert.Single((await RecordWithThresholdAsync(workshop.Id, 1)).Activities);

        var framework = record.Framework!;
        Assert.Equal(change.Value.Version, framework.VersionReached);
        Assert.Equal("Our outcomes", framework.Title.En);
        var proposal = Assert.Single(framework.Accepted);
        Assert.Equal(("Mae goroeswyr yn teimlo'n ddiogel", "cy", 1), (proposal.Text, proposal.Language, proposal.Support.Value));
    }

    [Fact]
    public async Task HandleAsync_FrameworkUnchangedInThisWorkshop_NoVersionReached()
    {
        var (workshop, _) = await LiveWithAsync(new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Our outcomes", "Ein canlyniadau")));

        var record = Assert.Single((await RecordAsync(workshop.Id)).Activities);

        Assert.Null(record.Framework!.VersionReached);
        Assert.Empty(record.Framework.Accepted);
    }

    [Fact]
    public async Task HandleAsync_Details_DateOnlyLinkedConsultationAndNoPseudonyms()
    {
        var reference = await ImportOpenConsultationAsync();
        await using (var db = Database.CreateContext())
        {
            await DemoOrganisation.EnsureAsync(db);
        }

        var created = await Run<CreateWorkshop, Result<CreatedWorkshop>>(h => h.HandleAsync(Facilitator, Details() with { ConsultationReference = reference, ScheduledAt = new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero) }));
        await JoinAsync(created.Value.JoinCode, pseudonym: "Kestrel-Unique-Name");

        var record = await RecordAsync(created.Value.Id);

        // 23:30 UTC on 30 June is 00:30 on 1 July in the UK (summer time).
        Assert.Equal(new DateOnly(2026, 7, 1), record.ScheduledOn);
        Assert.Equal(reference, record.Consultation?.Reference);
        Assert.Equal(("Shaping the refuge service", "Llunio'r gwasanaeth lloches"), (record.Title.En, record.Title.Cy));
        Assert.Equal("Be kind", record.GroundRules.En);
        Assert.True(record.ParticipantsAdmitted.Suppressed);
        Assert.DoesNotContain("Kestrel-Unique-Name", JsonSerializer.Serialize(record), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_OwningOrganisationStaffAndAdministrator_MayRead()
    {
        var workshop = await CreateAsync();

        var analyst = await Run<GetWorkshopRecord, Result<WorkshopRecord>>(h => h.HandleAsync(Staff(StaffRoles.Analyst), workshop.Id));
        var administrator = await Run<GetWorkshopRecord, Result<WorkshopRecord>>(h => h.HandleAsync(Staff(StaffRoles.Administrator, OtherOrganisation), workshop.Id));

        Assert.True(analyst.IsSuccess);
        Assert.True(administrator.IsSuccess);
    }

    [Fact]
    public async Task HandleAsync_OtherOrganisationOrUnknownWorkshop_IsNotFound()
    {
        var workshop = await CreateAsync();

        var other = await Run<GetWorkshopRecord, Result<WorkshopRecord>>(h => h.HandleAsync(Staff(StaffRoles.Facilitator, OtherOrganisation), workshop.Id));
        var unknown = await Run<GetWorkshopRecord, Result<WorkshopRecord>>(h => h.HandleAsync(Facilitator, WorkshopId.New()));

        Assert.Equal(ErrorCodes.WorkshopNotFound, other.FirstError?.Code);
        Assert.Equal(ErrorCodes.WorkshopNotFound, unknown.FirstError?.Code);
    }

    private async Task ModerateAsync(WorkshopId workshop, ContributionId id, Moderation moderation)
    {
        var done = await Run<ModerateContribution, Result<Contribution>>(h => h.HandleAsync(Facilitator, workshop, id, moderation));
        Assert.True(done.IsSuccess, string.Join("; ", done.Errors));
    }
}
