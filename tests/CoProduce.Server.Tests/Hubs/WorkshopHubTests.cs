using System.Net.WebSockets;
using System.Text.Json;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Testing;
using CoProduce.Testing.SignalR;

namespace CoProduce.Server.Tests.Hubs;

public sealed class WorkshopHubTestsSqlite(SqliteTestDatabase database) : WorkshopHubTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class WorkshopHubTestsPostgres(PostgresTestDatabase database) : WorkshopHubTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The hub through real WebSockets with the JSON hub protocol: its security rules, saving before
/// telling, state after a reconnect or a restart, and its limits.
/// </summary>
public abstract class WorkshopHubTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly ActivityDraft Poll = new(
        ActivityKind.Poll, new LocalizedText("Where?", "Ble?"), Options: [new("Town", "Tref"), new("Online", "Ar-lein")]);

    private static readonly ActivityDraft Dots = new(
        ActivityKind.DotVoting, new LocalizedText("Priorities", "Blaenoriaethau"), Options: [new("Childcare", "Gofal plant"), new("Travel", "Teithio"), new("Evenings", "Gyda'r nos")], Dots: 3);

    private readonly List<IAsyncDisposable> _disposables = [];
    private HubServer? _server;

    private HubServer Server => _server ??= Track(new HubServer(database));

    private TestStaff _facilitator = null!; // Set in InitializeAsync, before any test runs.

    public async Task InitializeAsync() => _facilitator = await Server.NewStaffAsync(StaffRoles.Facilitator);

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }
    }

    private T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    private async Task<HubJsonClient> ParticipantAsync(HubServer server, JoinedWorkshop joined, string language = "en") =>
        Track(await server.ParticipantAsync(joined.SessionToken, language));

    private async Task<HubJsonClient> FacilitatorAsync(HubServer server, WorkshopId workshop, TestStaff? actor = null)
    {
        var client = Track(await server.StaffAsync(actor ?? _facilitator));
        var view = await client.InvokeAsync("Facilitate", workshop.Value);
        Assert.True(view.GetProperty("ok").GetBoolean(), view.ToString());
        return client;
    }

    private static async Task<JsonElement> EnterAsync(HubJsonClient client)
    {
        var entered = await client.InvokeAsync("Enter");
        Assert.True(entered.GetProperty("ok").GetBoolean(), entered.ToString());
        return entered.GetProperty("view");
    }

    private static Task<JsonElement> VoteAsync(HubJsonClient client, ActivityId activity, params string[] choices) =>
        client.InvokeAsync("Vote", new { activityId = activity.Value, choices });

    private static void AssertError(JsonElement ack, string code)
    {
        Assert.False(ack.GetProperty("ok").GetBoolean(), ack.ToString());
        Assert.Equal(code, ack.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(ack.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Enter_Participant_GetsCurrentActivityAndNoFacilitatorData()
    {
        var (workshop, poll) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var joined = await Server.JoinAsync(workshop.JoinCode, "Fern");
        await using var client = await Server.ParticipantAsync(joined.SessionToken);

        var view = await EnterAsync(client);

        Assert.Equal(poll.Value, view.GetProperty("current").GetProperty("id").GetGuid());
        Assert.Equal("Live", view.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("current").GetProperty("tally").ValueKind);
        Assert.Equal(0, view.GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public async Task Vote_Acknowledged_IsSavedBeforeTheTallyReachesTheRoom()
    {
        var (workshop, dots) = await Server.LiveWorkshopAsync(_facilitator, Dots);
        var facilitator = await FacilitatorAsync(Server, workshop.Id);
        var a = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));
        var b = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));
        await EnterAsync(a);
        await EnterAsync(b);

        // The tally event is observed on b's connection; when it arrives, the vote must already be in storage.
        var savedWhenTold = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Received += message =>
        {
            if (message.Target == "Tally")
            {
                using var db = database.CreateContext();
                savedWhenTold.TrySetResult(db.WorkshopBallots.Count(x => x.ActivityId == dots));
            }
        };
        var ack = await VoteAsync(a, dots, "o1", "o1", "o3");

        Assert.True(ack.GetProperty("ok").GetBoolean(), ack.ToString());
        Assert.Equal(1, await savedWhenTold.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var tally = (await facilitator.WaitForAsync("Tally"))[0];
        Assert.Equal(2, tally.GetProperty("counts").GetProperty("o1").GetInt32());
        Assert.Equal(1, tally.GetProperty("voters").GetInt32());
    }

    [Fact]
    public async Task Vote_ChangedBallot_IsSavedBeforeTheTallyThatIncludesItReachesTheRoom()
    {
        var (workshop, dots) = await Server.LiveWorkshopAsync(_facilitator, Dots);
        var joined = await Server.JoinAsync(workshop.JoinCode);
        var a = await ParticipantAsync(Server, joined);
        var b = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));
        await EnterAsync(a);
        await EnterAsync(b);

        // Every tally b receives: its sequence, and a's ballot in storage at that moment.
        var seen = new System.Collections.Concurrent.ConcurrentQueue<(long Sequence, string Stored)>();
        b.Received += message =>
        {
            if (message.Target == "Tally")
            {
                using var db = database.CreateContext();
                var stored = db.WorkshopBallots.Where(x => x.ActivityId == dots && x.ParticipantId == joined.ParticipantId).Select(x => x.Choices).Single();
                seen.Enqueue((message[0].GetProperty("sequence").GetInt64(), string.Join(",", stored)));
            }
        };
        var first = await VoteAsync(a, dots, "o1");
        var second = await VoteAsync(a, dots, "o2", "o3");
        var sequence = second.GetProperty("sequence").GetInt64();
        var tally = (await b.WaitForAsync("Tally", where: m => m[0].GetProperty("sequence").GetInt64() >= sequence))[0];
        for (var wait = 0; wait < 100 && !seen.Any(t => t.Sequence >= sequence); wait++)
        {
            await Task.Delay(50); // the handler runs just after the message is queued
        }

        Assert.True(first.GetProperty("ok").GetBoolean() && second.GetProperty("ok").GetBoolean(), second.ToString());
        Assert.True(sequence > first.GetProperty("sequence").GetInt64());
        Assert.Equal("o2,o3", seen.First(t => t.Sequence >= sequence).Stored);
        Assert.Equal((1, 1, 1), (tally.GetProperty("counts").GetProperty("o2").GetInt32(), tally.GetProperty("counts").GetProperty("o3").GetInt32(), tally.GetProperty("voters").GetInt32()));
        Assert.False(tally.GetProperty("counts").TryGetProperty("o1", out _));
    }

    [Fact]
    public async Task Vote_AfterTheFacilitatorClosesTheActivity_IsRefusedOnTheSameConnection()
    {
        var (workshop, dots) = await Server.LiveWorkshopAsync(_facilitator, Dots);
        var facilitator = await FacilitatorAsync(Server, workshop.Id);
        var joined = await Server.JoinAsync(workshop.JoinCode);
        var participant = await ParticipantAsync(Server, joined);
        await EnterAsync(participant);
        await VoteAsync(participant, dots, "o1");
        Assert.True((await VoteAsync(participant, dots, "o2")).GetProperty("ok").GetBoolean());

        var closed = await facilitator.InvokeAsync("Control", new { workshopId = workshop.Id.Value, command = "CloseActivity", activityId = dots.Value });
        var refused = await VoteAsync(participant, dots, "o3");

        Assert.True(closed.GetProperty("ok").GetBoolean(), closed.ToString());
        AssertError(refused, ErrorCodes.ActivityClosed);
        using var db = database.CreateContext();
        Assert.Equal(["o2"], db.WorkshopBallots.Where(x => x.ActivityId == dots && x.ParticipantId == joined.ParticipantId).Select(x => x.Choices).Single());
    }

    [Fact]
    public async Task Vote_PollNotRevealed_TallyGoesToFacilitatorsOnly()
    {
        var (workshop, poll) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var facilitator = await FacilitatorAsync(Server, workshop.Id);
        var a = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));
        await EnterAsync(a);

        await VoteAsync(a, poll, "o2");

        Assert.True(await facilitator.ReceivesAsync("Tally", TimeSpan.FromSeconds(5)));
        Assert.False(await a.ReceivesAsync("Tally", TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task FacilitatorCalls_FromParticipantOrOtherStaff_AreRefused()
    {
        var (workshop, _) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var participant = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));
        var colleague = Track(await Server.StaffAsync(await Server.NewStaffAsync(StaffRoles.Facilitator)));
        var outsider = Track(await Server.StaffAsync(await Server.NewStaffAsync(StaffRoles.Facilitator, DemoOrganisation.CommissionerId)));
        var pause = new { workshopId = workshop.Id.Value, command = "Pause" };

        AssertError(await participant.InvokeAsync("Control", pause), ErrorCodes.WorkshopNotFound);
        AssertError(await colleague.InvokeAsync("Control", pause), ErrorCodes.WorkshopForbidden);
        AssertError(await outsider.InvokeAsync("Control", pause), ErrorCodes.WorkshopNotFound);
        AssertError(await outsider.InvokeAsync("Facilitate", workshop.Id.Value), ErrorCodes.WorkshopNotFound);
        Assert.Equal("Live", (await EnterAsync(participant)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Vote_ActivityOfAnotherWorkshop_IsRefused()
    {
        var (mine, _) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var (_, theirs) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var participant = await ParticipantAsync(Server, await Server.JoinAsync(mine.JoinCode));

        AssertError(await VoteAsync(participant, theirs, "o1"), ErrorCodes.ActivityNotCurrent);
    }

    [Fact]
    public async Task Connect_FromAnotherOrigin_IsRefused()
    {
        var (workshop, _) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var joined = await Server.JoinAsync(workshop.JoinCode);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => HubJsonClient.ConnectAsync(Server.HubUrl(), new Dictionary<string, string>
        {
            ["Cookie"] = $"{CoProduce.Server.Workshops.ParticipantCookie.Name}={joined.SessionToken.Value}",
            ["Origin"] = "https://attacker.example",
        }));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadMessages_ErrorGoesToThatClientOnly_HubCarriesOn()
    {
        var (workshop, dots) = await Server.LiveWorkshopAsync(_facilitator, Dots);
        var bad = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));
        var good = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));

        var wrongShape = await Assert.ThrowsAsync<HubInvocationException>(() => bad.InvokeAsync("Vote", "not a vote"));
        var unknown = await Assert.ThrowsAsync<HubInvocationException>(() => bad.InvokeAsync("DropTables"));
        AssertError(await VoteAsync(bad, dots, "o1", "o1", "o1", "o1"), ErrorCodes.VoteTooManyDots);
        var stillThere = await VoteAsync(bad, dots, "o2");
        var other = await VoteAsync(good, dots, "o1");

        Assert.NotEmpty(wrongShape.Message);
        Assert.NotEmpty(unknown.Message);
        Assert.True(stillThere.GetProperty("ok").GetBoolean());
        Assert.True(other.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task OversizedMessage_ClosesOnlyThatConnection()
    {
        var (workshop, board) = await Server.LiveWorkshopAsync(_facilitator, new ActivityDraft(ActivityKind.IdeaBoard, new LocalizedText("Ideas", "Syniadau")));
        var big = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));
        var other = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));

        var huge = JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = "Post", arguments = new object[] { new { activityId = board.Value, kind = "Idea", text = new string('x', 64 * 1024) } } });
        await big.SendRawAsync(huge);
        await big.WaitClosedAsync(TimeSpan.FromSeconds(10));
        var posted = await other.InvokeAsync("Post", new { activityId = board.Value, kind = "Idea", text = "Still here" });

        Assert.False(big.IsOpen);
        Assert.True(posted.GetProperty("ok").GetBoolean(), posted.ToString());
    }

    [Fact]
    public async Task ManyMessagesAtOnce_AreRateLimitedPerConnection()
    {
        var (workshop, poll) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var fast = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));
        var calm = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            try
            {
                await VoteAsync(fast, poll, "o1");
                return true;
            }
            catch (HubInvocationException)
            {
                return false;
            }
        }));

        Assert.Contains(false, outcomes);
        Assert.Contains(true, outcomes);
        Assert.True((await VoteAsync(calm, poll, "o2")).GetProperty("ok").GetBoolean());
        Assert.True(fast.IsOpen);
    }

    [Fact]
    public async Task Signal_NeedBreak_OnlyFacilitatorsAreToldAndParticipantGetsSupport()
    {
        var (workshop, _) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var facilitator = await FacilitatorAsync(Server, workshop.Id);
        var asking = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode, "Wren"), "cy");
        var other = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode));
        await EnterAsync(asking);
        await EnterAsync(other);

        var ack = await asking.InvokeAsync("Signal", "NeedBreak");

        Assert.Equal("Ffoniwch 0808 2000 247", ack.GetProperty("supportInformation").GetString());
        var support = (await facilitator.WaitForAsync("Support"))[0];
        Assert.Equal(("Wren", "NeedBreak"), (support.GetProperty("pseudonym").GetString(), support.GetProperty("signal").GetString()));
        Assert.False(await other.ReceivesAsync("Support", TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Pause_RoomIsToldAndVotesWait()
    {
        var (workshop, poll) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var facilitator = await FacilitatorAsync(Server, workshop.Id);
        var participant = await ParticipantAsync(Server, await Server.JoinAsync(workshop.JoinCode, null), "cy");
        await EnterAsync(participant);

        Assert.True((await facilitator.InvokeAsync("Control", new { workshopId = workshop.Id.Value, command = "Pause" })).GetProperty("ok").GetBoolean());

        var room = (await participant.WaitForAsync("Room"))[0];
        Assert.Equal("Paused", room.GetProperty("state").GetString());
        var refused = await VoteAsync(participant, poll, "o1");
        AssertError(refused, ErrorCodes.WorkshopNotLive);
        Assert.StartsWith("Mae'r gweithdy wedi'i oedi", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveParticipant_TheirConnectionIsClosedAndTheyCannotReturn()
    {
        var (workshop, poll) = await Server.LiveWorkshopAsync(_facilitator, Poll);
        var facilitator = await FacilitatorAsync(Server, workshop.Id);
        var joined = await Server.JoinAsync(workshop.JoinCode);
        var participant = await ParticipantAsync(Server, joined);
        await EnterAsync(participant);

        await facilitator.InvokeAsync("ManageParticipant", new { workshopId = workshop.Id.Value, participantId = joined.ParticipantId.Value, command = "Remove" });

        var closed = (await participant.WaitForAsync("Closed"))[0];
        Assert.Equal(ErrorCodes.ParticipantRemoved, closed.GetProperty("error").GetString());
        await participant.WaitClosedAsync(TimeSpan.FromSeconds(10));
        var again = await ParticipantAsync(Server, joined);
        AssertError(await again.InvokeAsync("Enter"), ErrorCodes.ParticipantRemoved);
        AssertError(await VoteAsync(again, poll, "o1"), ErrorCodes.ParticipantRemoved);
    }

    [Fact]
    public async Task Reconnect_ParticipantSeesTheirVoteAndTheRoomAsItIs()
    {
        var (workshop, dots) = await Server.LiveWorkshopAsync(_facilitator, Dots);
        var joined = await Server.JoinAsync(workshop.JoinCode);
        var first = await Server.ParticipantAsync(joined.SessionToken);
        await VoteAsync(first, dots, "o2", "o3");
        await first.DisposeAsync();

        var second = await ParticipantAsync(Server, joined);
        var view = await EnterAsync(second);

        Assert.Equal(["o2", "o3"], view.GetProperty("yourBallot").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, view.GetProperty("current").GetProperty("tally").GetProperty("o2").GetInt32());
    }

    [Fact]
    public async Task ServerRestart_AcknowledgedVotesSurviveAndLiveTallyContinues()
    {
        var first = new HubServer(database);
        var (workshop, dots) = await first.LiveWorkshopAsync(_facilitator, Dots);
        var a = await first.JoinAsync(workshop.JoinCode);
        var b = await first.JoinAsync(workshop.JoinCode);
        await using (var client = await first.ParticipantAsync(a.SessionToken))
        {
            Assert.True((await VoteAsync(client, dots, "o1", "o1")).GetProperty("ok").GetBoolean());
        }

        await first.DisposeAsync();

        var restarted = Track(new HubServer(database));
        var facilitator = await FacilitatorAsync(restarted, workshop.Id);
        var reconnected = await ParticipantAsync(restarted, a);
        var view = await EnterAsync(reconnected);
        var other = await ParticipantAsync(restarted, b);
        await VoteAsync(other, dots, "o1");

        Assert.Equal(2, view.GetProperty("current").GetProperty("tally").GetProperty("o1").GetInt32());
        var tally = (await facilitator.WaitForAsync("Tally"))[0];
        Assert.Equal((3, 2), (tally.GetProperty("counts").GetProperty("o1").GetInt32(), tally.GetProperty("voters").GetInt32()));
    }
}
