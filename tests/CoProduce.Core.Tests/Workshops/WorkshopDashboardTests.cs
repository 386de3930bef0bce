using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Workshops;

public sealed class WorkshopDashboardTestsSqlite(SqliteTestDatabase database) : WorkshopDashboardTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class WorkshopDashboardTestsPostgres(PostgresTestDatabase database) : WorkshopDashboardTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>What staff read of a workshop (<see cref="GetWorkshopDashboard"/>, <see cref="ListReadableWorkshops"/>): who, and with which counts.</summary>
public abstract class WorkshopDashboardTests(TestDatabase database) : WorkshopTestBase(database)
{
    private Task<Result<WorkshopDashboard>> DashboardAsync(StaffActor actor, WorkshopId id) =>
        Run<GetWorkshopDashboard, Result<WorkshopDashboard>>(h => h.HandleAsync(actor, id));

    private async Task<OrganisationId> NewOrganisationAsync()
    {
        var organisation = new Organisation(OrganisationId.New(), $"Record {Guid.NewGuid():N}", OrganisationKind.SpecialistService, Jurisdiction.Wales);
        await using var db = Database.CreateContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    [Fact]
    public async Task HandleAsync_RevealedPollWithOneSmallCount_EveryoneSeesItAndTheNextSmallestSuppressed()
    {
        var (workshop, poll) = await LiveWithAsync(Poll());
        for (var i = 0; i < 12; i++)
        {
            Assert.True((await VoteAsync((await JoinAsync(workshop.JoinCode)).SessionToken, poll, "o1")).IsSuccess);
        }

        Assert.True((await VoteAsync((await JoinAsync(workshop.JoinCode)).SessionToken, poll, "o2")).IsSuccess);
        await ControlAsync(workshop.Id, RoomCommand.RevealResults, poll);

        var colleague = (await DashboardAsync(Staff(StaffRoles.Commissioner), workshop.Id)).Value;
        var facilitator = (await DashboardAsync(Facilitator, workshop.Id)).Value;

        Assert.False(colleague.Facilitator);
        var suppressed = colleague.Activities.Single().Tally!;
        Assert.True(suppressed.Suppressed);
        Assert.Equal(new Dictionary<string, int?> { ["o1"] = 12, ["o2"] = null, ["o3"] = null }, suppressed.Counts);
        Assert.Equal(13, suppressed.Voters);
        Assert.True(facilitator.Facilitator);
        Assert.Equal((13, true), (facilitator.Activities.Single().Tally!.Voters, facilitator.Activities.Single().Tally!.Suppressed));
        Assert.Equal(new Dictionary<string, int?> { ["o1"] = 12, ["o2"] = null, ["o3"] = null }, facilitator.Activities.Single().Tally!.Counts);
        Assert.Equal(13, facilitator.ParticipantCount);
    }

    [Fact]
    public async Task HandleAsync_PollNotRevealed_OnlyFacilitatorsSeeTheTally()
    {
        var (workshop, poll) = await LiveWithAsync(Poll());
        Assert.True((await VoteAsync((await JoinAsync(workshop.JoinCode)).SessionToken, poll, "o3")).IsSuccess);

        var colleague = (await DashboardAsync(Staff(StaffRoles.Analyst), workshop.Id)).Value;
        var facilitator = (await DashboardAsync(Facilitator, workshop.Id)).Value;

        Assert.Null(colleague.Activities.Single().Tally);
        // One voter: the facilitator's tally is there, suppressed as in the record.
        Assert.True(facilitator.Activities.Single().Tally!.Suppressed);
        Assert.Null(facilitator.Activities.Single().Tally!.Counts["o3"]);
        Assert.Null(facilitator.Activities.Single().Tally!.Voters);
    }

    [Fact]
    public async Task HandleAsync_ApprovedIdeasOnly_WithoutPendingOrHidden()
    {
        var (workshop, board) = await LiveWithAsync(IdeaBoard(preModeration: true));
        var seat = (await JoinAsync(workshop.JoinCode)).SessionToken;
        var approved = (await PostAsync(seat, board, "Evening drop-ins")).Value;
        await PostAsync(seat, board, "Still waiting");
        Assert.True((await Run<ModerateContribution, Result<Contribution>>(h => h.HandleAsync(Facilitator, workshop.Id, approved.Id, new Moderation(ModerationCommand.Approve)))).IsSuccess);

        var record = (await DashboardAsync(Facilitator, workshop.Id)).Value;

        var idea = Assert.Single(record.ApprovedIdeas);
        Assert.Equal(("Evening drop-ins", board), (idea.Text, idea.ActivityId));
        Assert.Null(record.Activities.Single().Tally);
    }

    [Fact]
    public async Task HandleAsync_OtherOrganisation_NotFoundButAdministratorsFacilitate()
    {
        var (workshop, _) = await LiveWithAsync(Poll());

        var outsider = await DashboardAsync(Staff(StaffRoles.Facilitator | StaffRoles.Commissioner, OtherOrganisation), workshop.Id);
        var administrator = await DashboardAsync(Staff(StaffRoles.Administrator, OtherOrganisation), workshop.Id);

        Assert.Equal(ErrorCodes.WorkshopNotFound, outsider.FirstError?.Code);
        Assert.True(administrator.Value.Facilitator);
    }

    [Fact]
    public async Task ListReadableWorkshops_OrganisationStaff_TheirOrganisationsWorkshopsMarkedAndPaged()
    {
        var organisation = await NewOrganisationAsync();
        var runner = Staff(StaffRoles.Facilitator, organisation);
        var first = await CreateAsync(actor: runner);
        var second = await CreateAsync(actor: runner);

        var colleague = await Run<ListReadableWorkshops, WorkshopPage>(h => h.HandleAsync(Staff(StaffRoles.Commissioner, organisation), 0, 1));
        var rest = await Run<ListReadableWorkshops, WorkshopPage>(h => h.HandleAsync(Staff(StaffRoles.Commissioner, organisation), 1, 10));
        var mine = await Run<ListReadableWorkshops, WorkshopPage>(h => h.HandleAsync(runner, 0, 10));
        var outsider = await Run<ListReadableWorkshops, WorkshopPage>(h => h.HandleAsync(Staff(StaffRoles.Commissioner, OtherOrganisation), 0, 100));

        Assert.Equal(2, colleague.Total);
        Assert.Equal(
            new[] { first.Id.Value, second.Id.Value }.Order(),
            colleague.Items.Concat(rest.Items).Select(r => r.Workshop.Id.Value).Order());
        Assert.All(colleague.Items.Concat(rest.Items), r => Assert.False(r.Facilitator));
        Assert.All(mine.Items, r => Assert.True(r.Facilitator));
        Assert.DoesNotContain(outsider.Items, r => r.Workshop.Id == first.Id || r.Workshop.Id == second.Id);
    }
}
