using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Authoring;

public sealed class ResponseManagementTestsSqlite(SqliteTestDatabase database) : ResponseManagementTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ResponseManagementTestsPostgres(PostgresTestDatabase database) : ResponseManagementTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>Listing, reading, keying in and deleting responses on a real database.</summary>
public abstract class ResponseManagementTests(TestDatabase database) : AuthoringTestBase(database)
{
    private KeyInResponseRequest Letter(ConsultationId id, string town = "Rhyl") => new(
        id,
        ResponseChannel.Post,
        DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime),
        new RespondentChoices { RespondingAs = RespondingAs.Organisation, OrganisationName = "Cymorth" },
        SampleConsultation.Form((SampleConsultation.Town, [town])));

    private async Task<ResponseId> OnlineResponseAsync(string reference)
    {
        var token = await StartAsync(reference);
        await SaveAsync(token, SampleConsultation.Services, (SampleConsultation.Town, ["Caernarfon"]));
        Assert.True((await SubmitAsync(token)).IsSuccess);
        await using var db = Database.CreateContext();
        return db.Responses.Where(r => r.Channel == ResponseChannel.Online).Select(r => r.Id).ToList().Last();
    }

    [Fact]
    public async Task KeyInResponse_Commissioner_StoresWithChannelAndAudits()
    {
        var open = await OpenAsync();

        var keyed = await Run<KeyInResponse, Result<SubmittedResponse>>(h => h.HandleAsync(Ann, Letter(open.Id)));

        Assert.True(keyed.IsSuccess, string.Join("; ", keyed.Errors));
        var counts = (await Run<CountResponses, Result<ResponseCounts>>(h => h.HandleAsync(Ann, open.Id))).Value;
        Assert.Equal(new ResponseCounts(1, 0, 0, 1, 0), counts);
        await using var db = Database.CreateContext();
        var response = db.Responses.Single(r => r.ConsultationId == open.Id);
        Assert.Contains(db.AuditEntries, a => a.Action == "response.key-in" && a.SubjectId == response.Id.ToString());
    }

    [Fact]
    public async Task KeyInResponse_InvalidAnswer_ReturnsErrorAndStoresNothing()
    {
        var open = await OpenAsync();

        var keyed = await Run<KeyInResponse, Result<SubmittedResponse>>(h => h.HandleAsync(Ann, Letter(open.Id, new string('x', 41))));

        Assert.Equal(ErrorCodes.AnswerTooLong, keyed.FirstError?.Code);
        Assert.Equal(0, await CountAsync(db => db.Responses.Where(r => r.ConsultationId == open.Id)));
    }

    [Fact]
    public async Task KeyInResponse_OtherOrganisation_ReturnsForbidden()
    {
        var open = await OpenAsync();

        Assert.Equal(ErrorCodes.Forbidden, (await Run<KeyInResponse, Result<SubmittedResponse>>(h => h.HandleAsync(Bea, Letter(open.Id)))).FirstError?.Code);
    }

    [Fact]
    public async Task CountResponses_OnlineEmailAndDraft_CountsEachKind()
    {
        var open = await OpenAsync();
        await OnlineResponseAsync(open.Reference);
        await Run<KeyInResponse, Result<SubmittedResponse>>(h => h.HandleAsync(Ann, Letter(open.Id) with { Channel = ResponseChannel.Email }));
        await StartAsync(open.Reference);

        var counts = (await Run<CountResponses, Result<ResponseCounts>>(h => h.HandleAsync(Ann, open.Id))).Value;

        Assert.Equal(new ResponseCounts(2, 1, 1, 0, 1), counts);
    }

    [Fact]
    public async Task ListResponses_Pages_NewestFirstWithTotal()
    {
        var open = await OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await Run<KeyInResponse, Result<SubmittedResponse>>(h => h.HandleAsync(Ann, Letter(open.Id)));
        }

        var first = (await Run<ListResponses, Result<ResponsePage>>(h => h.HandleAsync(Ann, new ListResponsesRequest(open.Id, 0, 2)))).Value;
        var second = (await Run<ListResponses, Result<ResponsePage>>(h => h.HandleAsync(Ann, new ListResponsesRequest(open.Id, 2, 2)))).Value;

        Assert.Equal(3, first.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.True(first.HasMore);
        Assert.Single(second.Items);
        Assert.False(second.HasMore);
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));
        Assert.All(first.Items, r => Assert.Equal("Cymorth", r.OrganisationName));
    }

    [Fact]
    public async Task ListResponses_AssignedAnalyst_AllowedButUnassignedRefused()
    {
        var open = await OpenAsync();
        var unassigned = await Run<ListResponses, Result<ResponsePage>>(h => h.HandleAsync(Analyst, new ListResponsesRequest(open.Id)));
        await using (var db = Database.CreateContext())
        {
            db.ConsultationAnalysts.Add(new ConsultationAnalyst(open.Id, Analyst.UserId));
            await db.SaveChangesAsync();
        }

        var assigned = await Run<ListResponses, Result<ResponsePage>>(h => h.HandleAsync(Analyst, new ListResponsesRequest(open.Id)));
        var delete = await Run<DeleteResponse, Result>(h => h.HandleAsync(Analyst, new DeleteResponseRequest(open.Id, ResponseId.New())));

        Assert.Equal(ErrorCodes.Forbidden, unassigned.FirstError?.Code);
        Assert.True(assigned.IsSuccess);
        Assert.Equal(ErrorCodes.Forbidden, delete.FirstError?.Code);
    }

    [Fact]
    public async Task GetResponse_OnlineResponse_ReturnsAnswers()
    {
        var open = await OpenAsync();
        var id = await OnlineResponseAsync(open.Reference);

        var view = await Run<GetResponse, Result<ResponseView>>(h => h.HandleAsync(Ann, new GetResponseRequest(open.Id, id)));

        Assert.True(view.IsSuccess, string.Join("; ", view.Errors));
        Assert.Equal(ResponseChannel.Online, view.Value.Response.Channel);
        Assert.True(view.Value.Response.Answers.Answers.ContainsKey(SampleConsultation.Town));
    }

    [Fact]
    public async Task GetResponse_ResponseOfAnotherConsultation_ReturnsResponseNotFound()
    {
        var open = await OpenAsync();
        var other = await OpenAsync();
        var id = await OnlineResponseAsync(open.Reference);

        Assert.Equal(ErrorCodes.ResponseNotFound, (await Run<GetResponse, Result<ResponseView>>(h => h.HandleAsync(Ann, new GetResponseRequest(other.Id, id)))).FirstError?.Code);
    }

    [Fact]
    public async Task DeleteResponse_DataSubjectRequest_DeletesAndAuditsWithoutContent()
    {
        var open = await OpenAsync();
        var id = await OnlineResponseAsync(open.Reference);

        var deleted = await Run<DeleteResponse, Result>(h => h.HandleAsync(Ann, new DeleteResponseRequest(open.Id, id)));

        Assert.True(deleted.IsSuccess);
        Assert.Equal(0, await CountAsync(db => db.Responses.Where(r => r.Id == id)));
        Assert.Equal(["response.delete"], await AuditActionsAsync(id.ToString()));
        Assert.Equal(ErrorCodes.ResponseNotFound, (await Run<DeleteResponse, Result>(h => h.HandleAsync(Ann, new DeleteResponseRequest(open.Id, id)))).FirstError?.Code);
    }
}
