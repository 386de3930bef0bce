using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Api;

public sealed class AuthoringMutationTestsSqlite(SqliteTestDatabase database) : AuthoringMutationTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class AuthoringMutationTestsPostgres(PostgresTestDatabase database) : AuthoringMutationTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The other half of the authorisation matrix: every authoring, lifecycle and response mutation succeeding for a
/// commissioner of the owning organisation (a colleague approving), each change then visible through a query.
/// </summary>
public abstract class AuthoringMutationTests(TestDatabase database) : ApiTestBase(database)
{
    private const string Sections = "query($id: ID!) { consultation(by: { id: $id }) { questionnaire { equalityMonitoring sections { id title { en } questions { id text { en } } } } } }";

    private static readonly JsonSerializerOptions InputJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private string _ann = "";
    private string _aled = "";

    private async Task TeamAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var organisation = new Organisation(OrganisationId.New(), $"Authoring {Guid.NewGuid():N}", OrganisationKind.CommissioningBody, Jurisdiction.Wales);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        _ann = (await ApiStaff.CreateAsync(scope.ServiceProvider, "Ann", organisation.Id, StaffRoles.Commissioner)).Token;
        _aled = (await ApiStaff.CreateAsync(scope.ServiceProvider, "Aled", organisation.Id, StaffRoles.Commissioner)).Token;
    }

    /// <summary>Runs a mutation whose payload must have no errors and returns the payload.</summary>
    private async Task<JsonElement> MutateAsync(string token, string mutation, object variables)
    {
        var data = Data(await GraphQLAsync(mutation, variables, bearerToken: token));
        var payload = data.EnumerateObject().Single().Value;
        Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, $"{mutation}: {payload.GetProperty("errors")}");
        return payload;
    }

    private async Task<JsonElement> ConsultationAsync(string id, string fields) =>
        Data(await GraphQLAsync($"query($id: ID!) {{ consultation(by: {{ id: $id }}) {{ {fields} }} }}", new { id }, bearerToken: _ann)).GetProperty("consultation");

    private async Task<JsonElement> SectionsAsync(string id) =>
        Data(await GraphQLAsync(Sections, new { id }, bearerToken: _ann)).GetProperty("consultation").GetProperty("questionnaire");

    private static IEnumerable<string?> Ids(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("id").GetString());

    /// <summary>A Core record as a GraphQL input value: camelCase, nulls left out, and no computed <c>current</c> texts.</summary>
    private static JsonNode Input(object value)
    {
        var node = JsonSerializer.SerializeToNode(value, InputJson)!;
        void Strip(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    o.Remove("current");
                    foreach (var (_, child) in o.ToList())
                    {
                        Strip(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Strip(child);
                    }

                    break;
            }
        }

        Strip(node);
        return node;
    }

    private async Task<string> ImportAsync(string reference)
    {
        var now = Time.GetUtcNow();
        var definition = ConsultationDefinitionWriter.Write(SampleConsultation.Definition(reference, now.AddDays(1), now.AddDays(30)));
        var payload = await MutateAsync(_ann, "mutation($d: String!) { importConsultation(definition: $d) { consultation { id reference status } errors { code } } }", new { d = definition });
        Assert.Equal("DRAFT", payload.GetProperty("consultation").GetProperty("status").GetString());
        return payload.GetProperty("consultation").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task CreateConsultation_Commissioner_ListedAsADraftOfTheirOrganisation()
    {
        await TeamAsync();
        var reference = $"NEW{Random.Shared.Next(10_000, 99_999)}";

        var payload = await MutateAsync(_ann, """
            mutation($r: String!) { createConsultation(input: { reference: $r, title: { en: "Refuges", cy: "Llochesi" }, jurisdiction: WALES,
              audience: PUBLIC, phase: PLAN, issuedOn: "2030-01-01", opensAt: "2030-01-02T09:00:00Z", closesAt: "2030-03-01T17:00:00Z",
              requiresApproval: false }) { consultation { id } errors { code } } }
            """, new { r = reference });
        var id = payload.GetProperty("consultation").GetProperty("id").GetString()!;
        var listed = Data(await GraphQLAsync("{ staffConsultations(status: [DRAFT], first: 100) { edges { node { id reference title { cy } owner { name } } } } }", bearerToken: _ann))
            .GetProperty("staffConsultations").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).Single(n => n.GetProperty("id").GetString() == id);

        Assert.Equal(reference, listed.GetProperty("reference").GetString());
        Assert.Equal("Llochesi", listed.GetProperty("title").GetProperty("cy").GetString());
        Assert.StartsWith("Authoring", listed.GetProperty("owner").GetProperty("name").GetString());
    }

    [Fact]
    public async Task QuestionnaireMutations_Commissioner_EachChangeVisibleAfterwards()
    {
        await TeamAsync();
        var id = await ImportAsync($"QN{Random.Shared.Next(10_000, 99_999)}");
        var services = SampleConsultation.Services.Value;

        await MutateAsync(_ann, """
            mutation($id: ID!) { addSection(id: $id, index: 0, section: { id: "extra", title: { en: "Extra", cy: "Ychwanegol" },
              questions: [{ id: "extra-q", type: SHORT_TEXT, text: { en: "Anything?", cy: "Unrhyw beth?" } }] }) { errors { code } } }
            """, new { id });
        Assert.Equal("extra", Ids((await SectionsAsync(id)).GetProperty("sections")).First());

        await MutateAsync(_ann, "mutation($id: ID!) { updateSection(id: $id, sectionId: \"extra\", text: { title: { en: \"More\", cy: \"Mwy\" } }) { errors { code } } }", new { id });
        Assert.Equal("More", (await SectionsAsync(id)).GetProperty("sections")[0].GetProperty("title").GetProperty("en").GetString());

        await MutateAsync(_ann, "mutation($id: ID!) { moveSection(id: $id, sectionId: \"extra\", index: 1) { errors { code } } }", new { id });
        Assert.Equal("extra", Ids((await SectionsAsync(id)).GetProperty("sections")).ElementAt(1));

        await MutateAsync(_ann, """
            mutation($id: ID!) { addQuestion(id: $id, sectionId: "extra", question: { id: "extra-q2", type: LONG_TEXT, text: { en: "Tell us", cy: "Dywedwch" } }) { errors { code } } }
            """, new { id });
        await MutateAsync(_ann, """
            mutation($id: ID!) { updateQuestion(id: $id, questionId: "extra-q2", question: { id: "extra-q2", type: LONG_TEXT, text: { en: "Tell us more", cy: "Dywedwch fwy" } }) { errors { code } } }
            """, new { id });
        var extra = (await SectionsAsync(id)).GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "extra");
        Assert.Equal("Tell us more", extra.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "extra-q2").GetProperty("text").GetProperty("en").GetString());

        await MutateAsync(_ann, "mutation($id: ID!, $to: ID!) { moveQuestion(id: $id, questionId: \"extra-q2\", toSectionId: $to, index: 0) { errors { code } } }", new { id, to = services });
        Assert.Equal("extra-q2", Ids((await SectionsAsync(id)).GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetString() == services).GetProperty("questions")).First());

        await MutateAsync(_ann, "mutation($id: ID!) { removeQuestion(id: $id, questionId: \"extra-q2\") { errors { code } } }", new { id });
        await MutateAsync(_ann, "mutation($id: ID!) { removeSection(id: $id, sectionId: \"extra\") { errors { code } } }", new { id });
        await MutateAsync(_ann, "mutation($id: ID!) { setEqualityMonitoring(id: $id, on: false) { errors { code } } }", new { id });
        var after = await SectionsAsync(id);
        Assert.DoesNotContain("extra", Ids(after.GetProperty("sections")));
        Assert.DoesNotContain(after.GetProperty("sections").EnumerateArray().SelectMany(s => Ids(s.GetProperty("questions"))), q => q == "extra-q2");
        Assert.False(after.GetProperty("equalityMonitoring").GetBoolean());
    }

    [Fact]
    public async Task LifecycleAndResponseMutations_CommissionersOfTheOrganisation_EachStepVisibleAfterwards()
    {
        await TeamAsync();
        var id = await ImportAsync($"LC{Random.Shared.Next(10_000, 99_999)}");
        var reference = $"LD{Random.Shared.Next(10_000, 99_999)}";
        var now = Time.GetUtcNow();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var stored = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().Consultations.Single(c => c.Id == new ConsultationId(Guid.Parse(id)));
            await MutateAsync(_ann, "mutation($id: ID!, $d: ConsultationDetailsInput!) { updateConsultationDetails(id: $id, details: $d) { errors { code } } }",
                new { id, d = Input(stored.Details with { Title = new("Refuge provision", "Darpariaeth lloches") }) });
        }

        await MutateAsync(_ann, """
            mutation($id: ID!, $r: String!, $issued: Date!, $opens: DateTime!, $closes: DateTime!) { updateConsultationSettings(id: $id, settings: {
              reference: $r, issuedOn: $issued, opensAt: $opens, closesAt: $closes, audience: PUBLIC, jurisdiction: WALES, phase: REVIEW,
              requiresApproval: true }) { errors { code } } }
            """, new { id, r = reference, issued = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), opens = now.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), closes = now.AddDays(40).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) });
        var settings = await ConsultationAsync(id, "reference phase requiresApproval title { cy }");
        Assert.Equal((reference, "REVIEW", true, "Darpariaeth lloches"), (settings.GetProperty("reference").GetString(), settings.GetProperty("phase").GetString(), settings.GetProperty("requiresApproval").GetBoolean(), settings.GetProperty("title").GetProperty("cy").GetString()));

        async Task<string> StatusAfterAsync(string token, string mutation, object? extra = null)
        {
            await MutateAsync(token, mutation, extra ?? new { id });
            return (await ConsultationAsync(id, "status")).GetProperty("status").GetString()!;
        }

        Assert.Equal("AWAITING_APPROVAL", await StatusAfterAsync(_ann, "mutation($id: ID!) { submitConsultationForApproval(id: $id) { errors { code } } }"));
        Assert.Equal("DRAFT", await StatusAfterAsync(_aled, "mutation($id: ID!) { returnConsultationToDraft(id: $id) { errors { code } } }"));
        Assert.Equal("AWAITING_APPROVAL", await StatusAfterAsync(_ann, "mutation($id: ID!) { submitConsultationForApproval(id: $id) { errors { code } } }"));
        Assert.Equal("SCHEDULED", await StatusAfterAsync(_aled, "mutation($id: ID!) { approveConsultation(id: $id) { errors { code } } }"));
        Assert.Equal("OPEN", await StatusAfterAsync(_ann, "mutation($id: ID!) { openConsultationNow(id: $id) { errors { code } } }"));

        var keyedIn = await MutateAsync(_ann, "mutation($id: ID!, $on: Date!) { keyInResponse(id: $id, input: { channel: POST, receivedOn: $on }) { receipt { code } errors { code } } }",
            new { id, on = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.False(string.IsNullOrEmpty(keyedIn.GetProperty("receipt").GetProperty("code").GetString()));
        var responses = await ConsultationAsync(id, "responseCounts { total post } responses { edges { node { id channel } } }");
        Assert.Equal(1, responses.GetProperty("responseCounts").GetProperty("post").GetInt32());
        var response = Assert.Single(responses.GetProperty("responses").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal("POST", response.GetProperty("channel").GetString());

        var deleted = await MutateAsync(_ann, "mutation($id: ID!, $r: ID!) { deleteResponse(id: $id, responseId: $r) { deletedResponseId errors { code } } }",
            new { id, r = response.GetProperty("id").GetString() });
        Assert.Equal(response.GetProperty("id").GetString(), deleted.GetProperty("deletedResponseId").GetString());
        Assert.Equal(0, (await ConsultationAsync(id, "responseCounts { total }")).GetProperty("responseCounts").GetProperty("total").GetInt32());

        var later = now.AddDays(60).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await MutateAsync(_ann, "mutation($id: ID!, $c: DateTime!) { extendConsultationClosingDate(id: $id, closesAt: $c) { errors { code } } }", new { id, c = later });
        Assert.Equal(later, (await ConsultationAsync(id, "closesAt")).GetProperty("closesAt").GetString());
        Assert.Equal("CLOSED", await StatusAfterAsync(_ann, "mutation($id: ID!) { closeConsultationEarly(id: $id) { errors { code } } }"));
        Assert.Equal("OPEN", await StatusAfterAsync(_ann, "mutation($id: ID!, $c: DateTime!) { reopenConsultation(id: $id, closesAt: $c) { errors { code } } }", new { id, c = later }));
        Assert.Equal("CLOSED", await StatusAfterAsync(_ann, "mutation($id: ID!) { closeConsultationEarly(id: $id) { errors { code } } }"));
        Assert.Equal("ARCHIVED", await StatusAfterAsync(_ann, "mutation($id: ID!) { archiveConsultation(id: $id) { errors { code } } }"));
    }

    [Fact]
    public async Task Query_SiblingFieldsEachReadingTheDatabase_AllAnswered()
    {
        // A query's sibling fields run at once; each must read through a database context of its own.
        await TeamAsync();
        var first = await ImportAsync($"SF{Random.Shared.Next(10_000, 99_999)}");
        var second = await ImportAsync($"SG{Random.Shared.Next(10_000, 99_999)}");
        const string fields = "c1: responseCounts { total } r1: responses { totalCount } c2: responseCounts { draftsInProgress } r2: responses(first: 1) { totalCount }";
        var query = $"query($a: ID!, $b: ID!) {{ a: consultation(by: {{ id: $a }}) {{ {fields} }} b: consultation(by: {{ id: $b }}) {{ {fields} }} }}";

        for (var round = 0; round < 5; round++)
        {
            var data = Data(await GraphQLAsync(query, new { a = first, b = second }, bearerToken: _ann));
            foreach (var alias in new[] { "a", "b" })
            {
                var consultation = data.GetProperty(alias);
                Assert.Equal(0, consultation.GetProperty("c1").GetProperty("total").GetInt32());
                Assert.Equal(0, consultation.GetProperty("r2").GetProperty("totalCount").GetInt32());
            }
        }
    }

    [Fact]
    public async Task ScheduleConsultation_ReadyDraftWithoutApproval_ScheduledAndExportedAsItIs()
    {
        await TeamAsync();
        var reference = $"SC{Random.Shared.Next(10_000, 99_999)}";
        var id = await ImportAsync(reference);

        var readiness = Data(await GraphQLAsync("query($id: ID!) { consultationReadiness(id: $id) { code } }", new { id }, bearerToken: _ann)).GetProperty("consultationReadiness");
        await MutateAsync(_ann, "mutation($id: ID!) { scheduleConsultation(id: $id) { errors { code } } }", new { id });
        var exported = Data(await GraphQLAsync("query($id: ID!) { exportConsultation(id: $id) }", new { id }, bearerToken: _ann)).GetProperty("exportConsultation").GetString()!;

        Assert.Equal(0, readiness.GetArrayLength());
        Assert.Equal("SCHEDULED", (await ConsultationAsync(id, "status")).GetProperty("status").GetString());
        Assert.Equal(reference, JsonDocument.Parse(exported).RootElement.GetProperty("reference").GetString());
    }
}
