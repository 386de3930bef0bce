using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Workshops;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Tests.Workshops;

public sealed class CastVoteTestsSqlite(SqliteTestDatabase database) : CastVoteTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class CastVoteTestsPostgres(PostgresTestDatabase database) : CastVoteTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// Votes from a seat kept by the caller (the hub, per connection) in a room already known to
/// <see cref="VotingRooms"/>: a changed ballot is one conditional write, and every change of the room or
/// of the participant made since the room was remembered still refuses the vote and keeps the stored ballot.
/// </summary>
public abstract class CastVoteTests(TestDatabase database) : WorkshopTestBase(database)
{
    private static readonly ActivityDraft Dots = new(
        ActivityKind.DotVoting, new LocalizedText("Priorities", "Blaenoriaethau"), Options: [new("Childcare", "Gofal plant"), new("Travel", "Teithio"), new("Evenings", "Gyda'r nos")], Dots: 3);

    private Task<Result<VoteCast>> VoteAsync(JoinedWorkshop seat, ActivityId activity, params string[] choices) =>
        Run<CastVote, Result<VoteCast>>(h => h.HandleAsync(new VoterSeat(seat.ParticipantId, seat.WorkshopId), activity, choices));

    private async Task<IReadOnlyList<string>?> StoredAsync(JoinedWorkshop seat, ActivityId activity)
    {
        await using var db = Database.CreateContext();
        return (await db.WorkshopBallots.AsNoTracking().SingleOrDefaultAsync(b => b.ActivityId == activity && b.ParticipantId == seat.ParticipantId))?.Choices;
    }

    /// <summary>A live room showing dot voting, with a participant whose first ballot is stored (the room is now known).</summary>
    private async Task<(CreatedWorkshop Workshop, ActivityId Activity, JoinedWorkshop Seat)> VotedOnceAsync()
    {
        var (workshop, dots) = await LiveWithAsync(Dots);
        var seat = await JoinAsync(workshop.JoinCode);
        var first = await VoteAsync(seat, dots, "o1");
        Assert.True(first.IsSuccess, string.Join("; ", first.Errors));
        return (workshop, dots, seat);
    }

    [Fact]
    public async Task CastVote_SeatInKnownRoom_ReplacesTheStoredBallotAndTally()
    {
        var (workshop, dots, seat) = await VotedOnceAsync();
        var other = await JoinAsync(workshop.JoinCode);
        await VoteAsync(other, dots, "o3");

        var changed = await VoteAsync(seat, dots, "o2", "o2");
        var again = await VoteAsync(seat, dots, "o3");

        Assert.True(changed.IsSuccess && again.IsSuccess, string.Join("; ", changed.Errors.Concat(again.Errors)));
        Assert.Equal(["o3"], again.Value.Choices);
        Assert.True(again.Value.Revealed);
        Assert.Equal(["o3"], await StoredAsync(seat, dots));
        Assert.Equal(new Dictionary<string, int> { ["o3"] = 2 }, (await FacilitatorViewAsync(workshop.Id)).Current!.Tally!);
    }

    [Theory]
    [InlineData(RoomCommand.CloseActivity, ErrorCodes.ActivityClosed)]
    [InlineData(RoomCommand.Pause, ErrorCodes.WorkshopNotLive)]
    [InlineData(RoomCommand.End, ErrorCodes.WorkshopEnded)]
    public async Task CastVote_SeatAfterTheRoomChanged_IsRefusedAndBallotKept(RoomCommand command, string expected)
    {
        var (workshop, dots, seat) = await VotedOnceAsync();
        await VoteAsync(seat, dots, "o2");

        await ControlAsync(workshop.Id, command, command == RoomCommand.CloseActivity ? dots : null);
        var refused = await VoteAsync(seat, dots, "o3");

        Assert.Equal(expected, refused.FirstError?.Code);
        Assert.Equal(["o2"], await StoredAsync(seat, dots));
    }

    [Fact]
    public async Task CastVote_SeatAfterAnotherActivityIsShown_IsRefusedInBoth()
    {
        var (workshop, dots, seat) = await VotedOnceAsync();
        var next = await AddAsync(workshop.Id, Dots);

        await ControlAsync(workshop.Id, RoomCommand.ShowActivity, next);
        var old = await VoteAsync(seat, dots, "o3");
        var wrong = await VoteAsync(seat, next, "o9");
        var fine = await VoteAsync(seat, next, "o2");

        Assert.Equal(ErrorCodes.ActivityNotCurrent, old.FirstError?.Code);
        Assert.Equal(ErrorCodes.VoteInvalidChoice, wrong.FirstError?.Code);
        Assert.True(fine.IsSuccess);
        Assert.Equal(["o1"], await StoredAsync(seat, dots));
    }

    [Fact]
    public async Task CastVote_SeatOfRemovedParticipant_IsRefusedAndBallotKept()
    {
        var (workshop, dots, seat) = await VotedOnceAsync();
        await VoteAsync(seat, dots, "o2");

        var removed = await Run<ManageParticipant, Result<ParticipantStatus>>(h => h.HandleAsync(Facilitator, workshop.Id, seat.ParticipantId, ParticipantCommand.Remove));
        var refused = await VoteAsync(seat, dots, "o3");

        Assert.True(removed.IsSuccess);
        Assert.Equal(ErrorCodes.ParticipantRemoved, refused.FirstError?.Code);
        Assert.Equal(["o2"], await StoredAsync(seat, dots));
    }

    [Fact]
    public async Task CastVote_SeatStillWaitingInKnownRoom_IsRefusedAndNothingSaved()
    {
        var (workshop, dots) = await LiveWithAsync(Dots, admission: true);
        var admitted = await JoinAsync(workshop.JoinCode);
        await Run<ManageParticipant, Result<ParticipantStatus>>(h => h.HandleAsync(Facilitator, workshop.Id, admitted.ParticipantId, ParticipantCommand.Admit));
        Assert.True((await VoteAsync(admitted, dots, "o1")).IsSuccess);
        var waiting = await JoinAsync(workshop.JoinCode);

        var refused = await VoteAsync(waiting, dots, "o1");

        Assert.Equal(ErrorCodes.ParticipantAwaitingAdmission, refused.FirstError?.Code);
        Assert.Null(await StoredAsync(waiting, dots));
    }

    [Fact]
    public async Task CastVote_InvalidBallotInKnownRoom_IsRefusedAndBallotKept()
    {
        var (_, dots, seat) = await VotedOnceAsync();

        var tooMany = await VoteAsync(seat, dots, "o1", "o2", "o3", "o1");
        var unknown = await VoteAsync(seat, dots, "o4");

        Assert.Equal(ErrorCodes.VoteTooManyDots, tooMany.FirstError?.Code);
        Assert.Equal(ErrorCodes.VoteInvalidChoice, unknown.FirstError?.Code);
        Assert.Equal(["o1"], await StoredAsync(seat, dots));
    }
}
