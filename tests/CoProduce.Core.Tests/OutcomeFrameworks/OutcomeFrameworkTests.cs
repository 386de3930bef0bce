using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Tests.Workshops;
using CoProduce.Core.Workshops;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.OutcomeFrameworks;

public sealed class OutcomeFrameworkTestsSqlite(SqliteTestDatabase database) : OutcomeFrameworkTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class OutcomeFrameworkTestsPostgres(PostgresTestDatabase database) : OutcomeFrameworkTests(database), IClassFixture<PostgresTestDatabase>;

public abstract class OutcomeFrameworkTests(TestDatabase database) : WorkshopTestBase(database)
{
    private static ActivityDraft Framework(OutcomeFrameworkId? continuing = null) =>
        new(ActivityKind.OutcomeFramework, new LocalizedText("Our outcomes", "Ein canlyniadau"), FrameworkId: continuing);

    private async Task<(CreatedWorkshop Workshop, ActivityId Activity, OutcomeFrameworkId Framework)> LiveFrameworkAsync(OutcomeFrameworkId? continuing = null)
    {
        var (workshop, activity) = await LiveWithAsync(Framework(continuing));
        var id = (await FacilitatorViewAsync(workshop.Id)).Current!.FrameworkId!.Value;
        return (workshop, activity, id);
    }

    private Task<Result<FrameworkChanged>> AcceptAsync(WorkshopId workshop, ContributionId proposal, FrameworkEdit? details = null) =>
        Run<AcceptProposal, Result<FrameworkChanged>>(h => h.HandleAsync(Facilitator, workshop, proposal, details));

    [Fact]
    public async Task AcceptProposal_OutcomeThenIndicator_EachMakesAVersion()
    {
        var (workshop, activity, frameworkId) = await LiveFrameworkAsync();
        var a = await JoinAsync(workshop.JoinCode, language: "cy");
        var outcome = (await PostAsync(a.SessionToken, activity, "Mae goroeswyr yn teimlo'n fwy diogel", ContributionKind.OutcomeProposal)).Value;

        var first = await AcceptAsync(workshop.Id, outcome.Id, new FrameworkEdit(FrameworkOperation.AddOutcome, WellbeingGoals: ["goal.healthier"], WaysOfWorking: ["way.involvement"]));
        var outcomeKey = first.Value.Document.Outcomes.Single().Key;
        var indicator = (await PostAsync(a.SessionToken, activity, "Hunan-asesiad diogelwch", ContributionKind.IndicatorProposal, target: outcomeKey)).Value;
        var second = await AcceptAsync(workshop.Id, indicator.Id, new FrameworkEdit(FrameworkOperation.AddIndicator, IndicatorType: IndicatorType.Outcome, Nature: IndicatorNature.Subjective, DataSource: "Exit survey", Frequency: ReportingFrequency.Quarterly, WhoReports: "Provider"));

        Assert.Equal((1, 2), (first.Value.Version, second.Value.Version));
        var saved = Assert.Single(second.Value.Document.Outcomes);
        Assert.Equal(("", "Mae goroeswyr yn teimlo'n fwy diogel"), (saved.Statement.En, saved.Statement.Cy));
        Assert.Equal(["goal.healthier"], saved.WellbeingGoals);
        var savedIndicator = Assert.Single(saved.Indicators);
        Assert.Equal(("Exit survey", "Provider", ReportingFrequency.Quarterly), (savedIndicator.DataSource, savedIndicator.WhoReports, savedIndicator.Frequency));
        var view = await Run<GetOutcomeFramework, Result<FrameworkView>>(h => h.HandleAsync(Facilitator, frameworkId));
        Assert.Equal([2, 1], view.Value.History.Select(h => h.Version));
        Assert.All(view.Value.History, h => Assert.Equal(workshop.Id, h.WorkshopId));
        var firstVersion = await Run<GetOutcomeFramework, Result<FrameworkView>>(h => h.HandleAsync(Facilitator, frameworkId, 1));
        Assert.Empty(firstVersion.Value.Document.Outcomes.Single().Indicators);
        Assert.Equal(ContributionStatus.Accepted, (await FacilitatorViewAsync(workshop.Id)).Contributions.First(c => c.Id == outcome.Id).Status);
    }

    [Fact]
    public async Task AcceptProposal_Twice_SecondIsRefused()
    {
        var (workshop, activity, _) = await LiveFrameworkAsync();
        var a = await JoinAsync(workshop.JoinCode);
        var outcome = (await PostAsync(a.SessionToken, activity, "Children are safer", ContributionKind.OutcomeProposal)).Value;

        await AcceptAsync(workshop.Id, outcome.Id);
        var again = await AcceptAsync(workshop.Id, outcome.Id);

        Assert.Equal(ErrorCodes.ContributionNotFound, again.FirstError?.Code);
    }

    [Fact]
    public async Task PostContribution_IndicatorForUnknownOutcome_IsRefused()
    {
        var (workshop, activity, _) = await LiveFrameworkAsync();
        var a = await JoinAsync(workshop.JoinCode);

        var result = await PostAsync(a.SessionToken, activity, "Count of calls", ContributionKind.IndicatorProposal, target: "o99");

        Assert.Equal(ErrorCodes.FrameworkEntryNotFound, result.FirstError?.Code);
    }

    [Fact]
    public async Task CastVote_SupportForProposals_IsTallied()
    {
        var (workshop, activity, _) = await LiveFrameworkAsync();
        var a = await JoinAsync(workshop.JoinCode);
        var b = await JoinAsync(workshop.JoinCode);
        var proposal = (await PostAsync(a.SessionToken, activity, "Survivors feel believed", ContributionKind.OutcomeProposal)).Value;
        var comment = await PostAsync(b.SessionToken, activity, "Yes, and by the police too", ContributionKind.Comment, parent: proposal.Id);

        await VoteAsync(a.SessionToken, activity, proposal.Id.ToString());
        await VoteAsync(b.SessionToken, activity, proposal.Id.ToString());

        Assert.True(comment.IsSuccess);
        Assert.Equal(2, (await ParticipantViewAsync(a.SessionToken)).Current!.Tally![proposal.Id.ToString()]);
    }

    [Fact]
    public async Task EditOutcomeFramework_UnknownWellbeingCode_IsRefusedAndVersionUnchanged()
    {
        var (_, _, frameworkId) = await LiveFrameworkAsync();

        var result = await Run<EditOutcomeFramework, Result<FrameworkChanged>>(h => h.HandleAsync(Facilitator, frameworkId, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new FrameworkText("Safer", ""), WellbeingGoals: ["goal.imaginary"])));

        Assert.Equal(ErrorCodes.FrameworkUnknownWellbeingCode, result.FirstError?.Code);
        Assert.Equal(0, (await Run<GetOutcomeFramework, Result<FrameworkView>>(h => h.HandleAsync(Facilitator, frameworkId))).Value.Version);
    }

    [Fact]
    public async Task EditOutcomeFramework_BasedOnOlderVersion_IsRefusedAsChangedElsewhere()
    {
        var (_, _, frameworkId) = await LiveFrameworkAsync();
        var first = await Run<EditOutcomeFramework, Result<FrameworkChanged>>(h => h.HandleAsync(Facilitator, frameworkId, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new FrameworkText("Safer", ""), BasedOnVersion: 0)));

        var stale = await Run<EditOutcomeFramework, Result<FrameworkChanged>>(h => h.HandleAsync(Facilitator, frameworkId, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new FrameworkText("Believed", ""), BasedOnVersion: 0)));
        var current = await Run<EditOutcomeFramework, Result<FrameworkChanged>>(h => h.HandleAsync(Facilitator, frameworkId, new FrameworkEdit(FrameworkOperation.UpdateOutcome, Key: "o1", Text: new FrameworkText("Safer", "Yn fwy diogel"), BasedOnVersion: 1)));

        Assert.True(first.IsSuccess);
        Assert.Equal(ErrorCodes.FrameworkChangedElsewhere, stale.FirstError?.Code);
        Assert.Equal(2, current.Value.Version);
        Assert.Equal("Yn fwy diogel", Assert.Single(current.Value.Document.Outcomes).Statement.Cy);
    }

    [Fact]
    public async Task AddActivity_ContinuingFramework_LaterWorkshopBuildsOnSameVersions()
    {
        var (_, _, frameworkId) = await LiveFrameworkAsync();
        await Run<EditOutcomeFramework, Result<FrameworkChanged>>(h => h.HandleAsync(Facilitator, frameworkId, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new FrameworkText("Safer at home", "Yn fwy diogel gartref"))));

        var (later, activity, continued) = await LiveFrameworkAsync(frameworkId);
        var a = await JoinAsync(later.JoinCode);

        Assert.Equal(frameworkId, continued);
        var view = await ParticipantViewAsync(a.SessionToken);
        Assert.Equal("Safer at home", Assert.Single(view.Framework!.Outcomes).Statement.En);
        Assert.Equal(1, view.FrameworkVersion);
        Assert.Equal(activity, view.Current!.Id);
    }

    [Fact]
    public async Task GetOutcomeFramework_OtherOrganisation_IsNotFound()
    {
        var (_, _, frameworkId) = await LiveFrameworkAsync();

        var result = await Run<GetOutcomeFramework, Result<FrameworkView>>(h => h.HandleAsync(Staff(StaffRoles.Commissioner, OtherOrganisation), frameworkId));

        Assert.Equal(ErrorCodes.FrameworkNotFound, result.FirstError?.Code);
    }

    [Fact]
    public async Task WellbeingReference_Seeded_MatchesReferenceData()
    {
        await using var db = Database.CreateContext();

        var rows = db.WellbeingReference.OrderBy(r => r.Code).AsEnumerable().Select(r => r.ToDomain()).ToList();

        Assert.Equal(WellbeingReference.All.OrderBy(r => r.Code, StringComparer.Ordinal), rows.OrderBy(r => r.Code, StringComparer.Ordinal));
        Assert.Equal(7, rows.Count(r => r.Kind == WellbeingReferenceKind.Goal));
        Assert.Equal(5, rows.Count(r => r.Kind == WellbeingReferenceKind.WayOfWorking));
    }
}
