using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Tests.Workshops;

public sealed class WorkshopEditingTestsSqlite(SqliteTestDatabase database) : WorkshopEditingTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class WorkshopEditingTestsPostgres(PostgresTestDatabase database) : WorkshopEditingTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>Changing a workshop and changing, reordering and removing its activities before and during a session.</summary>
public abstract class WorkshopEditingTests(TestDatabase database) : WorkshopTestBase(database)
{
    private Task<Result> EditAsync(WorkshopId workshop, ActivityId activity, ActivityDraft draft, StaffActor? actor = null) =>
        Run<EditActivity, Result>(h => h.HandleAsync(actor ?? Facilitator, workshop, activity, draft));

    private Task<Result> MoveAsync(WorkshopId workshop, ActivityId activity, MoveDirection direction) =>
        Run<MoveActivity, Result>(h => h.HandleAsync(Facilitator, workshop, activity, direction));

    private Task<Result> RemoveAsync(WorkshopId workshop, ActivityId activity, StaffActor? actor = null) =>
        Run<RemoveActivity, Result>(h => h.HandleAsync(actor ?? Facilitator, workshop, activity));

    private async Task<List<(ActivityId Id, int Number)>> OrderAsync(WorkshopId workshop)
    {
        await using var db = Database.CreateContext();
        return (await db.WorkshopActivities.Where(a => a.WorkshopId == workshop).OrderBy(a => a.Number).Select(a => new { a.Id, a.Number }).ToListAsync()).Select(a => (a.Id, a.Number)).ToList();
    }

    private async Task<int> AuditCountAsync(string action)
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.CountAsync(e => e.Action == action);
    }

    [Fact]
    public async Task EditActivity_NotYetShown_ChangesTextAndSettings()
    {
        var workshop = await CreateAsync();
        var poll = await AddAsync(workshop.Id, Poll());
        var before = await AuditCountAsync(WorkshopAudit.EditActivity);

        var edited = await EditAsync(workshop.Id, poll, Poll(multiple: true) with
        {
            Kind = ActivityKind.IdeaBoard, // Ignored: the kind stays.
            Title = new LocalizedText("Where, and when?", "Ble, a phryd?"),
            Options = [new("Evenings", "Gyda'r nos"), new("Weekends", "Penwythnosau")],
        });

        Assert.True(edited.IsSuccess, string.Join("; ", edited.Errors));
        var view = (await FacilitatorViewAsync(workshop.Id)).Activities.Single();
        Assert.Equal((ActivityKind.Poll, "Ble, a phryd?", true), (view.Kind, view.Title.Cy, view.MultipleChoice));
        Assert.Equal(["Evenings", "Weekends"], view.Items.Select(i => i.Label.En));
        Assert.Equal(before + 1, await AuditCountAsync(WorkshopAudit.EditActivity));
    }

    [Fact]
    public async Task EditActivity_InvalidDraft_ReturnsFieldErrorsAndChangesNothing()
    {
        var workshop = await CreateAsync();
        var poll = await AddAsync(workshop.Id, Poll());

        var edited = await EditAsync(workshop.Id, poll, Poll() with { Title = new LocalizedText("Only English", ""), Options = [new("One", "Un")] });

        Assert.Equal(["title", "options"], edited.Errors.Select(e => e.Path));
        Assert.Equal("Where should the service be?", (await FacilitatorViewAsync(workshop.Id)).Activities.Single().Title.En);
    }

    [Fact]
    public async Task EditActivity_ShowingNow_IsRefusedAsInUse()
    {
        var (workshop, poll) = await LiveWithAsync(Poll());

        var edited = await EditAsync(workshop.Id, poll, Poll() with { Title = new LocalizedText("Changed", "Wedi newid") });

        Assert.Equal(ErrorCodes.ActivityInUse, edited.FirstError?.Code);
    }

    [Fact]
    public async Task EditAndRemove_AfterSomeoneAnswered_AreRefused()
    {
        var (workshop, board) = await LiveWithAsync(IdeaBoard());
        var a = await JoinAsync(workshop.JoinCode);
        Assert.True((await PostAsync(a.SessionToken, board, "A creche")).IsSuccess);
        await ControlAsync(workshop.Id, RoomCommand.ShowActivity);

        var edited = await EditAsync(workshop.Id, board, IdeaBoard(preModeration: true));
        var removed = await RemoveAsync(workshop.Id, board);

        Assert.Equal(ErrorCodes.ActivityInUse, edited.FirstError?.Code);
        Assert.Equal(ErrorCodes.ActivityInUse, removed.FirstError?.Code);
        Assert.Single(await OrderAsync(workshop.Id));
    }

    [Fact]
    public async Task EditActivity_OtherOrganisationsFacilitator_IsNotFound()
    {
        var workshop = await CreateAsync();
        var poll = await AddAsync(workshop.Id, Poll());

        var edited = await EditAsync(workshop.Id, poll, Poll(), Staff(StaffRoles.Facilitator, OtherOrganisation));
        var colleague = await EditAsync(workshop.Id, poll, Poll(), Staff(StaffRoles.Facilitator));

        Assert.Equal(ErrorCodes.WorkshopNotFound, edited.FirstError?.Code);
        Assert.Equal(ErrorCodes.WorkshopForbidden, colleague.FirstError?.Code);
    }

    [Fact]
    public async Task EditActivity_FrameworkOfAnotherOrganisation_IsRefused()
    {
        var workshop = await CreateAsync();
        var activity = await AddAsync(workshop.Id, new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Outcomes", "Canlyniadau")));
        var foreign = OutcomeFrameworkId.New();
        await using (var db = Database.CreateContext())
        {
            db.OutcomeFrameworks.Add(new OutcomeFramework(foreign, new LocalizedText("Theirs", "Eu un nhw"), Jurisdiction.Wales, OtherOrganisation));
            await db.SaveChangesAsync();
        }

        var edited = await EditAsync(workshop.Id, activity, new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Outcomes", "Canlyniadau"), FrameworkId: foreign));
        var kept = await EditAsync(workshop.Id, activity, new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Our outcomes", "Ein canlyniadau")));

        Assert.Equal(ErrorCodes.FrameworkNotFound, edited.FirstError?.Code);
        Assert.True(kept.IsSuccess);
        Assert.NotEqual(foreign, (await FacilitatorViewAsync(workshop.Id)).Activities.Single().FrameworkId);
    }

    [Fact]
    public async Task MoveActivity_UpAndDown_SwapsNeighboursAndKeepsNumbersContiguous()
    {
        var workshop = await CreateAsync();
        var first = await AddAsync(workshop.Id, Poll());
        var second = await AddAsync(workshop.Id, IdeaBoard());
        var third = await AddAsync(workshop.Id, Poll(multiple: true));

        Assert.True((await MoveAsync(workshop.Id, third, MoveDirection.Up)).IsSuccess);
        Assert.True((await MoveAsync(workshop.Id, first, MoveDirection.Down)).IsSuccess);
        Assert.True((await MoveAsync(workshop.Id, second, MoveDirection.Up)).IsSuccess);
        Assert.True((await MoveAsync(workshop.Id, third, MoveDirection.Up)).IsSuccess); // Already first: nothing changes.

        Assert.Equal([(third, 1), (second, 2), (first, 3)], await OrderAsync(workshop.Id));
    }

    [Fact]
    public async Task MoveActivity_DuringTheSession_IsAllowed()
    {
        var (workshop, poll) = await LiveWithAsync(Poll());
        var board = await AddAsync(workshop.Id, IdeaBoard());

        var moved = await MoveAsync(workshop.Id, board, MoveDirection.Up);

        Assert.True(moved.IsSuccess);
        Assert.Equal([board, poll], (await FacilitatorViewAsync(workshop.Id)).Activities.Select(a => a.Id));
    }

    [Fact]
    public async Task RemoveActivity_Unused_IsGoneAndLaterOnesMoveUp()
    {
        var workshop = await CreateAsync();
        var first = await AddAsync(workshop.Id, Poll());
        var second = await AddAsync(workshop.Id, IdeaBoard());
        var third = await AddAsync(workshop.Id, Poll(multiple: true));

        var removed = await RemoveAsync(workshop.Id, second);

        Assert.True(removed.IsSuccess, string.Join("; ", removed.Errors));
        Assert.Equal([(first, 1), (third, 2)], await OrderAsync(workshop.Id));
        var added = await AddAsync(workshop.Id, IdeaBoard());
        Assert.Equal((added, 3), (await OrderAsync(workshop.Id))[2]);
    }

    [Fact]
    public async Task RemoveActivity_IdeaBoardAnotherActivityVotesOver_IsRefused()
    {
        var workshop = await CreateAsync();
        var board = await AddAsync(workshop.Id, IdeaBoard());
        await AddAsync(workshop.Id, new ActivityDraft(ActivityKind.DotVoting, new LocalizedText("Vote", "Pleidleisio"), SourceActivityId: board));

        var removed = await RemoveAsync(workshop.Id, board);

        Assert.Equal(ErrorCodes.ActivityInUse, removed.FirstError?.Code);
    }

    [Fact]
    public async Task RemoveActivity_AfterTheWorkshopEnded_IsRefused()
    {
        var workshop = await CreateAsync();
        var poll = await AddAsync(workshop.Id, Poll());
        await ControlAsync(workshop.Id, RoomCommand.End);

        var removed = await RemoveAsync(workshop.Id, poll);

        Assert.Equal(ErrorCodes.WorkshopEnded, removed.FirstError?.Code);
    }

    [Fact]
    public async Task AddActivity_OnTheFlyDuringTheSession_IsAddedAtTheEnd()
    {
        var (workshop, poll) = await LiveWithAsync(Poll());

        var dots = await AddAsync(workshop.Id, new ActivityDraft(ActivityKind.DotVoting, new LocalizedText("Priorities", "Blaenoriaethau"), Options: [new("Childcare", "Gofal plant"), new("Travel", "Teithio")], Dots: 5));

        var activities = (await FacilitatorViewAsync(workshop.Id)).Activities;
        Assert.Equal([poll, dots], activities.Select(a => a.Id));
        Assert.Equal(5, activities[1].Dots);
    }

    [Fact]
    public async Task GetActivityDraft_WhatEditActivityTakes_RoundTrips()
    {
        var workshop = await CreateAsync();
        var board = await AddAsync(workshop.Id, IdeaBoard(preModeration: true));
        var dots = await AddAsync(workshop.Id, new ActivityDraft(ActivityKind.DotVoting, new LocalizedText("Vote", "Pleidleisio"), Prompt: new LocalizedText("Pick", "Dewiswch"), Dots: 4, SourceActivityId: board));

        var read = await Run<GetActivityDraft, Result<EditableActivity>>(h => h.HandleAsync(Facilitator, workshop.Id, dots));
        var saved = await EditAsync(workshop.Id, dots, read.Value.Draft);

        Assert.True(saved.IsSuccess, string.Join("; ", saved.Errors));
        Assert.Equal((2, false, 4, board), (read.Value.Number, read.Value.InUse, read.Value.Draft.Dots, read.Value.Draft.SourceActivityId!.Value));
        Assert.Equal("Dewiswch", read.Value.Draft.Prompt!.Cy);
        var used = await Run<GetActivityDraft, Result<EditableActivity>>(h => h.HandleAsync(Facilitator, workshop.Id, board));
        Assert.True(used.Value.InUse); // Another activity votes over its ideas.
    }

    [Fact]
    public async Task GetWorkshopDetails_AfterUpdate_ReturnsWhatWasSavedAndRefusesOthers()
    {
        var workshop = await CreateAsync();
        var changed = Details(admission: true) with { Title = new LocalizedText("New title", "Teitl newydd"), Phase = CommissioningPhase.Review };
        Assert.True((await Run<UpdateWorkshop, Result>(h => h.HandleAsync(Facilitator, workshop.Id, changed))).IsSuccess);

        var read = await Run<GetWorkshopDetails, Result<EditableWorkshop>>(h => h.HandleAsync(Facilitator, workshop.Id));
        var outsider = await Run<GetWorkshopDetails, Result<EditableWorkshop>>(h => h.HandleAsync(Staff(StaffRoles.Facilitator, OtherOrganisation), workshop.Id));

        Assert.Equal(("Teitl newydd", CommissioningPhase.Review, true, WorkshopState.Scheduled), (read.Value.Details.Title!.Cy, read.Value.Details.Phase, read.Value.Details.AdmissionRequired, read.Value.State));
        Assert.Equal(changed.ScheduledAt, read.Value.Details.ScheduledAt);
        Assert.Equal(ErrorCodes.WorkshopNotFound, outsider.FirstError?.Code);
    }
}
