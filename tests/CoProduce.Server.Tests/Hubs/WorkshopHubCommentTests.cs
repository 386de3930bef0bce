using System.Text.Json;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Testing;
using CoProduce.Testing.SignalR;

namespace CoProduce.Server.Tests.Hubs;

public sealed class WorkshopHubCommentTestsSqlite(SqliteTestDatabase database) : WorkshopHubCommentTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>Comments on outcome and indicator proposals through the hub, moderated like ideas.</summary>
public abstract class WorkshopHubCommentTests(TestDatabase database) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _disposables = [];
    private HubServer? _server;
    private TestStaff _facilitator = null!; // Set in InitializeAsync.

    private HubServer Server => _server ??= Track(new HubServer(database));

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

    private static async Task<JsonElement> OkAsync(Task<JsonElement> call)
    {
        var ack = await call;
        Assert.True(ack.GetProperty("ok").GetBoolean(), ack.ToString());
        return ack;
    }

    [Fact]
    public async Task Comment_PreModerated_ReachesTheRoomOnlyAfterTheFacilitatorApprovesIt()
    {
        var framework = new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Outcomes", "Canlyniadau"));
        var (workshop, activity) = await Server.LiveWorkshopAsync(_facilitator, framework);
        var facilitator = Track(await Server.StaffAsync(_facilitator));
        await OkAsync(facilitator.InvokeAsync("Facilitate", workshop.Id.Value));
        var writer = Track(await Server.ParticipantAsync((await Server.JoinAsync(workshop.JoinCode)).SessionToken));
        var reader = Track(await Server.ParticipantAsync((await Server.JoinAsync(workshop.JoinCode)).SessionToken));
        await OkAsync(writer.InvokeAsync("Enter"));
        var proposal = (await OkAsync(reader.InvokeAsync("Enter"))).GetProperty("view");
        Assert.Equal(0, proposal.GetProperty("contributions").GetArrayLength());
        await OkAsync(writer.InvokeAsync("Post", new { activityId = activity.Value, kind = "OutcomeProposal", text = "Survivors feel believed" }));
        var proposalId = (await OkAsync(reader.InvokeAsync("Enter"))).GetProperty("view").GetProperty("contributions")[0].GetProperty("id").GetString();

        // Comments wait for the facilitator when the activity is pre-moderated; this one is not, so
        // the facilitator hides it first and then approves it, as with an idea.
        await OkAsync(writer.InvokeAsync("Post", new { activityId = activity.Value, kind = "Comment", text = "Yes, and by the police", parentId = proposalId }));
        var seen = (await OkAsync(facilitator.InvokeAsync("Facilitate", workshop.Id.Value))).GetProperty("view").GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "Comment");
        Assert.Equal(proposalId, seen.GetProperty("parentId").GetString());
        await OkAsync(facilitator.InvokeAsync("Moderate", new { workshopId = workshop.Id.Value, contributionId = seen.GetProperty("id").GetGuid(), command = "Hide" }));
        var hidden = (await OkAsync(reader.InvokeAsync("Enter"))).GetProperty("view").GetProperty("contributions");
        await OkAsync(facilitator.InvokeAsync("Moderate", new { workshopId = workshop.Id.Value, contributionId = seen.GetProperty("id").GetGuid(), command = "Approve" }));
        var shown = (await OkAsync(reader.InvokeAsync("Enter"))).GetProperty("view").GetProperty("contributions");

        Assert.DoesNotContain(hidden.EnumerateArray(), c => c.GetProperty("kind").GetString() == "Comment");
        var comment = Assert.Single(shown.EnumerateArray(), c => c.GetProperty("kind").GetString() == "Comment");
        Assert.Equal(("Yes, and by the police", proposalId), (comment.GetProperty("text").GetString(), comment.GetProperty("parentId").GetString()));
    }

    [Fact]
    public async Task Comment_OnAnotherComment_IsRefused()
    {
        var framework = new ActivityDraft(ActivityKind.OutcomeFramework, new LocalizedText("Outcomes", "Canlyniadau"));
        var (workshop, activity) = await Server.LiveWorkshopAsync(_facilitator, framework);
        var writer = Track(await Server.ParticipantAsync((await Server.JoinAsync(workshop.JoinCode)).SessionToken));
        await OkAsync(writer.InvokeAsync("Post", new { activityId = activity.Value, kind = "OutcomeProposal", text = "Safer homes" }));
        var proposalId = (await OkAsync(writer.InvokeAsync("Enter"))).GetProperty("view").GetProperty("contributions")[0].GetProperty("id").GetString();
        await OkAsync(writer.InvokeAsync("Post", new { activityId = activity.Value, kind = "Comment", text = "Agreed", parentId = proposalId }));
        var commentId = (await OkAsync(writer.InvokeAsync("Enter"))).GetProperty("view").GetProperty("contributions").EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == "Comment").GetProperty("id").GetString();

        var refused = await writer.InvokeAsync("Post", new { activityId = activity.Value, kind = "Comment", text = "Reply", parentId = commentId });

        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Equal("Error.Contribution.NotFound", refused.GetProperty("error").GetString());
    }
}
