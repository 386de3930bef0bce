using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Workshops;

public sealed class WorkshopSessionTestsSqlite(SqliteTestDatabase database) : WorkshopSessionTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class WorkshopSessionTestsPostgres(PostgresTestDatabase database) : WorkshopSessionTests(database), IClassFixture<PostgresTestDatabase>;

public abstract class WorkshopSessionTests(TestDatabase database) : WorkshopTestBase(database)
{
    [Fact]
    public async Task CreateWorkshop_WithoutFacilitatorRole_IsForbidden()
    {
        var result = await Run<CreateWorkshop, Result<CreatedWorkshop>>(h => h.HandleAsync(Staff(StaffRoles.Analyst), Details()));

        Assert.Equal(ErrorCodes.WorkshopForbidden, result.FirstError?.Code);
    }

    [Fact]
    public async Task CreateWorkshop_WelshMissing_ReturnsErrorAtThatField()
    {
        var details = Details() with { Purpose = new LocalizedText("Decide", " ") };

        var result = await Run<CreateWorkshop, Result<CreatedWorkshop>>(h => h.HandleAsync(Facilitator, details));

        Assert.Equal(new Error(ErrorCodes.WorkshopTextMissing, "purpose"), Assert.Single(result.Errors));
    }

    [Fact]
    public async Task JoinWorkshop_CodeAsTypedWithSpacesAndLowerCase_Joins()
    {
        var workshop = await CreateAsync();
        var typed = $" {workshop.JoinCode.Canonical[..4].ToLowerInvariant()} {workshop.JoinCode.Canonical[4..]} ";

        var joined = await Run<JoinWorkshop, Result<JoinedWorkshop>>(h => h.HandleAsync(new JoinRequest(typed, "  Sky  ", "cy")));

        Assert.True(joined.IsSuccess);
        Assert.Equal(workshop.Id, joined.Value.WorkshopId);
        var view = await FacilitatorViewAsync(workshop.Id);
        var participant = Assert.Single(view.Participants);
        Assert.Equal(("Sky", "cy"), (participant.Pseudonym, participant.Language));
    }

    [Theory]
    [InlineData("OOOO-1111", ErrorCodes.JoinCodeMalformed)]
    [InlineData("ABC", ErrorCodes.JoinCodeMalformed)]
    [InlineData("", ErrorCodes.JoinCodeMalformed)]
    [InlineData("2345-6789", ErrorCodes.JoinCodeNotFound)]
    public async Task JoinWorkshop_BadCode_ReturnsError(string code, string expected)
    {
        await CreateAsync();

        var result = await Run<JoinWorkshop, Result<JoinedWorkshop>>(h => h.HandleAsync(new JoinRequest(code, null, "en")));

        Assert.Equal(expected, result.FirstError?.Code);
    }

    [Fact]
    public async Task JoinWorkshop_AfterItEnded_CodeNoLongerWorks()
    {
        var workshop = await CreateAsync();
        await ControlAsync(workshop.Id, RoomCommand.End);

        var result = await Run<JoinWorkshop, Result<JoinedWorkshop>>(h => h.HandleAsync(new JoinRequest(workshop.JoinCode.Display, null, "en")));

        Assert.Equal(ErrorCodes.JoinCodeNotFound, result.FirstError?.Code);
    }

    [Fact]
    public async Task ReplaceJoinCode_OldCodeStopsWorking_PeopleInsideStay()
    {
        var workshop = await CreateAsync();
        var inside = await JoinAsync(workshop.JoinCode);

        var fresh = await Run<ReplaceJoinCode, Result<JoinCode>>(h => h.HandleAsync(Facilitator, workshop.Id));

        var old = await Run<JoinWorkshop, Result<JoinedWorkshop>>(h => h.HandleAsync(new JoinRequest(workshop.JoinCode.Display, null, "en")));
        Assert.Equal(ErrorCodes.JoinCodeNotFound, old.FirstError?.Code);
        await JoinAsync(fresh.Value);
        Assert.Equal(inside.ParticipantId, (await ParticipantViewAsync(inside.SessionToken)).You);
    }

    [Fact]
    public async Task CastVote_AdmissionRequired_RefusedUntilAdmitted()
    {
        var (workshop, poll) = await LiveWithAsync(Poll(), admission: true);
        var joined = await JoinAsync(workshop.JoinCode);
        Assert.False(joined.Admitted);

        var before = await VoteAsync(joined.SessionToken, poll, "o1");
        var waitingView = await ParticipantViewAsync(joined.SessionToken);
        await Run<ManageParticipant, Result<ParticipantStatus>>(h => h.HandleAsync(Facilitator, workshop.Id, joined.ParticipantId, ParticipantCommand.Admit));
        var after = await VoteAsync(joined.SessionToken, poll, "o1");

        Assert.Equal(ErrorCodes.ParticipantAwaitingAdmission, before.FirstError?.Code);
        Assert.Null(waitingView.Current);
        Assert.True(after.IsSuccess);
    }

    [Fact]
    public async Task CastVote_SecondVote_ReplacesFirstInTally()
    {
        var (workshop, poll) = await LiveWithAsync(Poll());
        var a = await JoinAsync(workshop.JoinCode);
        var b = await JoinAsync(workshop.JoinCode);

        await VoteAsync(a.SessionToken, poll, "o1");
        await VoteAsync(b.SessionToken, poll, "o1");
        var changed = await VoteAsync(b.SessionToken, poll, "o3");

        Assert.Equal(["o3"], changed.Value.Choices);
        var tally = (await FacilitatorViewAsync(workshop.Id)).Current!.Tally!;
        Assert.Equal(new Dictionary<string, int> { ["o1"] = 1, ["o3"] = 1 }, tally);
    }

    [Fact]
    public async Task CastVote_PollNotRevealed_ParticipantsSeeNoTallyUntilRevealed()
    {
        var (workshop, poll) = await LiveWithAsync(Poll());
        var a = await JoinAsync(workshop.JoinCode);
        await VoteAsync(a.SessionToken, poll, "o2");

        var hidden = (await ParticipantViewAsync(a.SessionToken)).Current!;
        await ControlAsync(workshop.Id, RoomCommand.RevealResults, poll);
        var shown = (await ParticipantViewAsync(a.SessionToken)).Current!;

        Assert.Null(hidden.Tally);
        Assert.Equal(1, shown.Tally!["o2"]);
        Assert.Equal(["o2"], (await ParticipantViewAsync(a.SessionToken)).YourBallot);
    }

    [Theory]
    [InlineData(false, new[] { "o1", "o2" }, ErrorCodes.VoteOneChoiceOnly)]
    [InlineData(true, new[] { "o1", "o1" }, ErrorCodes.VoteInvalidChoice)]
    [InlineData(true, new[] { "o9" }, ErrorCodes.VoteInvalidChoice)]
    public async Task CastVote_InvalidPollBallot_IsRefusedAndNothingSaved(bool multiple, string[] choices, string expected)
    {
        var (workshop, poll) = await LiveWithAsync(Poll(multiple));
        var a = await JoinAsync(workshop.JoinCode);

        var result = await VoteAsync(a.SessionToken, poll, choices);

        Assert.Equal(expected, result.FirstError?.Code);
        Assert.Equal(0, await CountAsync(db => db.WorkshopBallots.Where(b => b.ActivityId == poll)));
    }

    [Fact]
    public async Task CastVote_ActivityNotShownOrRoomPaused_IsRefused()
    {
        var (workshop, poll) = await LiveWithAsync(Poll());
        var other = await AddAsync(workshop.Id, Poll());
        var a = await JoinAsync(workshop.JoinCode);

        var notCurrent = await VoteAsync(a.SessionToken, other, "o1");
        await ControlAsync(workshop.Id, RoomCommand.Pause);
        var paused = await VoteAsync(a.SessionToken, poll, "o1");
        await ControlAsync(workshop.Id, RoomCommand.Resume);
        var resumed = await VoteAsync(a.SessionToken, poll, "o1");

        Assert.Equal(ErrorCodes.ActivityNotCurrent, notCurrent.FirstError?.Code);
        Assert.Equal(ErrorCodes.WorkshopNotLive, paused.FirstError?.Code);
        Assert.True(resumed.IsSuccess);
    }

    [Fact]
    public async Task ManageParticipant_Removed_CanNoLongerActOrSeeTheRoom()
    {
        var (workshop, poll) = await LiveWithAsync(Poll());
        var a = await JoinAsync(workshop.JoinCode);

        await Run<ManageParticipant, Result<ParticipantStatus>>(h => h.HandleAsync(Facilitator, workshop.Id, a.ParticipantId, ParticipantCommand.Remove));

        Assert.Equal(ErrorCodes.ParticipantRemoved, (await VoteAsync(a.SessionToken, poll, "o1")).FirstError?.Code);
        Assert.Equal(ErrorCodes.ParticipantRemoved, (await Run<GetWorkshopView, Result<WorkshopView>>(h => h.ForParticipantAsync(a.SessionToken))).FirstError?.Code);
    }

    [Fact]
    public async Task PostContribution_PreModeration_RoomSeesItOnlyAfterApproval()
    {
        var (workshop, board) = await LiveWithAsync(IdeaBoard(preModeration: true));
        var a = await JoinAsync(workshop.JoinCode);

        var posted = await PostAsync(a.SessionToken, board, "  More   <b>evening</b>\u202E sessions\n ");
        var before = await ParticipantViewAsync(a.SessionToken);
        var pending = Assert.Single((await FacilitatorViewAsync(workshop.Id)).Contributions);
        await Run<ModerateContribution, Result<Contribution>>(h => h.HandleAsync(Facilitator, workshop.Id, posted.Value.Id, new Moderation(ModerationCommand.Approve)));
        var after = await ParticipantViewAsync(a.SessionToken);

        Assert.Equal("More <b>evening</b> sessions", posted.Value.Text);
        Assert.Empty(before.Contributions);
        Assert.Equal(ContributionStatus.Pending, pending.Status);
        Assert.Equal(posted.Value.Id, Assert.Single(after.Contributions).Id);
    }

    [Theory]
    [InlineData("   ", ErrorCodes.ContributionEmpty)]
    [InlineData("\u200B\u202E", ErrorCodes.ContributionEmpty)]
    public async Task PostContribution_NothingLeftAfterCleaning_IsRefused(string text, string expected)
    {
        var (workshop, board) = await LiveWithAsync(IdeaBoard());
        var a = await JoinAsync(workshop.JoinCode);

        Assert.Equal(expected, (await PostAsync(a.SessionToken, board, text)).FirstError?.Code);
        Assert.Equal(ErrorCodes.ContributionTooLong, (await PostAsync(a.SessionToken, board, new string('x', 281))).FirstError?.Code);
    }

    [Fact]
    public async Task ModerateContribution_MergeAndTheme_FoldsDuplicateAndGroups()
    {
        var (workshop, board) = await LiveWithAsync(IdeaBoard());
        var a = await JoinAsync(workshop.JoinCode);
        var first = (await PostAsync(a.SessionToken, board, "Childcare")).Value;
        var duplicate = (await PostAsync(a.SessionToken, board, "Creche please")).Value;

        var merged = await Run<ModerateContribution, Result<Contribution>>(h => h.HandleAsync(Facilitator, workshop.Id, duplicate.Id, new Moderation(ModerationCommand.Merge, first.Id)));
        var self = await Run<ModerateContribution, Result<Contribution>>(h => h.HandleAsync(Facilitator, workshop.Id, first.Id, new Moderation(ModerationCommand.Merge, first.Id)));
        await Run<ModerateContribution, Result<Contribution>>(h => h.HandleAsync(Facilitator, workshop.Id, first.Id, new Moderation(ModerationCommand.SetTheme, Theme: "Access")));

        Assert.Equal((ContributionStatus.Merged, first.Id), (merged.Value.Status, merged.Value.MergedIntoId!.Value));
        Assert.Equal(ErrorCodes.ContributionInvalidMerge, self.FirstError?.Code);
        var visible = Assert.Single((await ParticipantViewAsync(a.SessionToken)).Contributions);
        Assert.Equal(("Childcare", "Access"), (visible.Text, visible.Theme));
        Assert.Equal([1, 2], new[] { first.Number, duplicate.Number });
    }

    [Fact]
    public async Task CastVote_DotVotingOverApprovedIdeas_CountsDotsAndLimitsThem()
    {
        var workshop = await CreateAsync();
        var board = await AddAsync(workshop.Id, IdeaBoard());
        var dots = await AddAsync(workshop.Id, new ActivityDraft(ActivityKind.DotVoting, new LocalizedText("Vote", "Pleidleisio"), Dots: 3, SourceActivityId: board));
        await ControlAsync(workshop.Id, RoomCommand.Start);
        await ControlAsync(workshop.Id, RoomCommand.ShowActivity, board);
        var a = await JoinAsync(workshop.JoinCode);
        var idea1 = (await PostAsync(a.SessionToken, board, "Evening sessions")).Value.Id.ToString();
        var idea2 = (await PostAsync(a.SessionToken, board, "Welsh-speaking workers")).Value.Id.ToString();
        await ControlAsync(workshop.Id, RoomCommand.ShowActivity, dots);

        var tooMany = await VoteAsync(a.SessionToken, dots, idea1, idea1, idea2, idea2);
        var ok = await VoteAsync(a.SessionToken, dots, idea1, idea1, idea2);

        Assert.Equal((ErrorCodes.VoteTooManyDots, "choices", 3), (tooMany.FirstError?.Code, tooMany.FirstError?.Path, tooMany.FirstError?.Arguments.Single()));
        Assert.True(ok.IsSuccess);
        var view = (await ParticipantViewAsync(a.SessionToken)).Current!;
        Assert.Equal(2, view.Items.Count);
        Assert.Equal(new Dictionary<string, int> { [idea1] = 2, [idea2] = 1 }, view.Tally);
    }

    [Fact]
    public async Task CastVote_Ranking_NeedsEveryItemOnceAndScoresByPosition()
    {
        var ranking = new ActivityDraft(ActivityKind.Ranking, new LocalizedText("Rank", "Trefnu"), Options: [new("A", "A"), new("B", "B"), new("C", "C")]);
        var (workshop, activity) = await LiveWithAsync(ranking);
        var a = await JoinAsync(workshop.JoinCode);
        var b = await JoinAsync(workshop.JoinCode);

        var partial = await VoteAsync(a.SessionToken, activity, "o1", "o2");
        await VoteAsync(a.SessionToken, activity, "o1", "o2", "o3");
        await VoteAsync(b.SessionToken, activity, "o2", "o1", "o3");

        Assert.Equal(ErrorCodes.VoteInvalidRanking, partial.FirstError?.Code);
        Assert.Equal(new Dictionary<string, int> { ["o1"] = 5, ["o2"] = 5, ["o3"] = 2 }, (await FacilitatorViewAsync(workshop.Id)).Current!.Tally);
    }

    [Fact]
    public async Task FacilitatorActions_OtherFacilitatorsAndOrganisations_AreRefused()
    {
        var workshop = await CreateAsync();
        var colleague = Staff(StaffRoles.Facilitator);
        var outsider = Staff(StaffRoles.Facilitator, OtherOrganisation);
        var admin = Staff(StaffRoles.Administrator, OtherOrganisation);

        var sameOrg = await Run<ControlWorkshop, Result<RoomChanged>>(h => h.HandleAsync(colleague, workshop.Id, RoomCommand.Start));
        var otherOrg = await Run<ControlWorkshop, Result<RoomChanged>>(h => h.HandleAsync(outsider, workshop.Id, RoomCommand.Start));
        var byAdmin = await Run<ControlWorkshop, Result<RoomChanged>>(h => h.HandleAsync(admin, workshop.Id, RoomCommand.Start));

        Assert.Equal(ErrorCodes.WorkshopForbidden, sameOrg.FirstError?.Code);
        Assert.Equal(ErrorCodes.WorkshopNotFound, otherOrg.FirstError?.Code);
        Assert.Equal(WorkshopState.Live, byAdmin.Value.State);
    }

    [Fact]
    public async Task ControlWorkshop_InvalidMoves_AreRefused()
    {
        var workshop = await CreateAsync();

        var pauseBeforeStart = await Run<ControlWorkshop, Result<RoomChanged>>(h => h.HandleAsync(Facilitator, workshop.Id, RoomCommand.Pause));
        await ControlAsync(workshop.Id, RoomCommand.Start);
        var startAgain = await Run<ControlWorkshop, Result<RoomChanged>>(h => h.HandleAsync(Facilitator, workshop.Id, RoomCommand.Start));
        await ControlAsync(workshop.Id, RoomCommand.End);
        var afterEnd = await Run<ControlWorkshop, Result<RoomChanged>>(h => h.HandleAsync(Facilitator, workshop.Id, RoomCommand.Resume));

        Assert.Equal(ErrorCodes.WorkshopInvalidTransition, pauseBeforeStart.FirstError?.Code);
        Assert.Equal(ErrorCodes.WorkshopInvalidTransition, startAgain.FirstError?.Code);
        Assert.Equal(ErrorCodes.WorkshopEnded, afterEnd.FirstError?.Code);
    }

    [Fact]
    public async Task SignalFacilitator_NeedSupport_FacilitatorSeesItAndParticipantGetsSupportInformation()
    {
        var workshop = await CreateAsync(admission: true);
        var a = await JoinAsync(workshop.JoinCode, "Rain");

        var sent = await Run<SignalFacilitator, Result<SignalSent>>(h => h.HandleAsync(a.SessionToken, SupportSignal.NeedSupport));
        var seen = Assert.Single((await FacilitatorViewAsync(workshop.Id)).Participants);
        await Run<ManageParticipant, Result<ParticipantStatus>>(h => h.HandleAsync(Facilitator, workshop.Id, a.ParticipantId, ParticipantCommand.AcknowledgeSignal));

        Assert.Equal("Live Fear Free: 0808 80 10 800", sent.Value.SupportInformation.En);
        Assert.Equal(SupportSignal.NeedSupport, seen.Signal);
        Assert.Equal(SupportSignal.None, Assert.Single((await FacilitatorViewAsync(workshop.Id)).Participants).Signal);
        Assert.Empty((await ParticipantViewAsync(a.SessionToken)).Participants);
    }

    [Fact]
    public async Task AddActivity_PollWithOneOption_IsRefused()
    {
        var workshop = await CreateAsync();

        var result = await Run<AddActivity, Result<ActivityId>>(h => h.HandleAsync(Facilitator, workshop.Id, Poll() with { Options = [new("Only", "Unig")] }));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.ActivityOptionsInvalid, "options", ActivitySettings.MaxOptions), (error.Code, error.Path, error.Arguments.Single()));
    }

    [Fact]
    public async Task ModerateContribution_IsAudited_AgainstTheWorkshopNotTheContribution()
    {
        var (workshop, board) = await LiveWithAsync(IdeaBoard(preModeration: true));
        var a = await JoinAsync(workshop.JoinCode);
        var idea = (await PostAsync(a.SessionToken, board, "Peer groups")).Value;

        await Run<ModerateContribution, Result<Contribution>>(h => h.HandleAsync(Facilitator, workshop.Id, idea.Id, new Moderation(ModerationCommand.Approve)));

        await using var db = Database.CreateContext();
        var entries = db.AuditEntries.Where(e => e.ActorUserId == Facilitator.UserId).ToList();
        Assert.Contains(entries, e => e.Action == WorkshopAudit.Moderate && e.SubjectId == workshop.Id.ToString());
        Assert.DoesNotContain(entries, e => e.SubjectId == idea.Id.ToString());
    }
}
