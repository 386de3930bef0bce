using System.Text.Json;
using CoProduce.Testing;

namespace CoProduce.Server.Tests.Api;

public sealed class PublicQueryTestsSqlite(SqliteTestDatabase database) : PublicQueryTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class PublicQueryTestsPostgres(PostgresTestDatabase database) : PublicQueryTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>What anyone can read without signing in.</summary>
public abstract class PublicQueryTests(TestDatabase database) : ApiTestBase(database)
{
    private const string OpenQuery = """
        query($first: Int, $after: String) {
          openConsultations(first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { reference status acceptingResponses opensAt issuedOn title { en cy text } questionnaire { equalityMonitoring sections { id canBeSkipped questions { id type maxLength options { value } showWhen { questionId anyOf } } } } } }
          }
        }
        """;

    [Fact]
    public async Task OpenConsultations_OpenConsultation_ListedWithItsQuestionnaire()
    {
        var reference = await ImportConsultationAsync();

        var data = Data(await GraphQLAsync(OpenQuery, new { first = 20 }));

        var node = Nodes(data).Single(n => n.GetProperty("reference").GetString() == reference);
        Assert.Equal("OPEN", node.GetProperty("status").GetString());
        Assert.True(node.GetProperty("acceptingResponses").GetBoolean());
        Assert.Equal($"Consultation {reference}", node.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal($"[cy] Consultation {reference}", node.GetProperty("title").GetProperty("cy").GetString());
        Assert.Equal($"Consultation {reference}", node.GetProperty("title").GetProperty("text").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", node.GetProperty("opensAt").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", node.GetProperty("issuedOn").GetString());
        var sections = node.GetProperty("questionnaire").GetProperty("sections");
        Assert.Equal(["services", "experience", "equality"], sections.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.True(sections[1].GetProperty("canBeSkipped").GetBoolean());
        var which = sections[0].GetProperty("questions")[1];
        Assert.Equal("MULTIPLE_CHOICE", which.GetProperty("type").GetString());
        Assert.Equal("used-services", which.GetProperty("showWhen").GetProperty("questionId").GetString());
        var used = sections[0].GetProperty("questions")[0];
        Assert.Equal(["yes", "no", "not-sure"], used.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()));
        Assert.Equal(40, sections[0].GetProperty("questions")[2].GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public async Task LocalizedText_WelshRequestOrArgument_ChoosesTheLanguage()
    {
        var reference = await ImportConsultationAsync();
        const string query = """query($r: String!) { consultation(by: { reference: $r }) { title { text en: text(language: EN) cy: text(language: CY) } } }""";

        var welsh = Data(await GraphQLAsync(query, new { r = reference }, language: "cy")).GetProperty("consultation").GetProperty("title");
        var english = Data(await GraphQLAsync(query, new { r = reference })).GetProperty("consultation").GetProperty("title");

        Assert.Equal($"[cy] Consultation {reference}", welsh.GetProperty("text").GetString());
        Assert.Equal($"Consultation {reference}", welsh.GetProperty("en").GetString());
        Assert.Equal($"Consultation {reference}", english.GetProperty("text").GetString());
        Assert.Equal($"[cy] Consultation {reference}", english.GetProperty("cy").GetString());
    }

    [Fact]
    public async Task OpenConsultations_PagedOneAtATime_WalksEveryItemOnce()
    {
        var references = new[] { await ImportConsultationAsync(), await ImportConsultationAsync(), await ImportConsultationAsync() };
        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 10; page++)
        {
            var connection = Data(await GraphQLAsync(OpenQuery, new { first = 1, after })).GetProperty("openConsultations");
            seen.AddRange(Nodes(connection.GetProperty("edges")).Select(n => n.GetProperty("reference").GetString()!));
            Assert.Equal(page > 0, connection.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            if (!connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                Assert.Equal(seen.Count, connection.GetProperty("totalCount").GetInt32());
                break;
            }

            after = connection.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), references.ToHashSet());
    }

    [Theory]
    [InlineData("en", "Ask for between 0 and 100 items at a time (argument first).")]
    [InlineData("cy", "Gofynnwch am rhwng 0 a 100 eitem ar y tro (y ddadl first).")]
    public async Task OpenConsultations_PageTooLarge_LocalisedBadUserInput(string language, string message)
    {
        var response = await GraphQLAsync("query($first: Int) { openConsultations(first: $first) { totalCount } }", new { first = 101 }, language);

        var error = response.GetProperty("errors")[0];
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task OpenConsultations_ForgedCursor_BadUserInput()
    {
        var response = await GraphQLAsync(OpenQuery, new { first = 1, after = "bm90LWEtY3Vyc29y" });

        Assert.Equal("BAD_USER_INPUT", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Consultation_ByIdOrReference_FoundWhenPublished()
    {
        var reference = await ImportConsultationAsync();
        var id = Data(await GraphQLAsync("""query($r: String!) { consultation(by: { reference: $r }) { id } }""", new { r = reference.ToLowerInvariant() }))
            .GetProperty("consultation").GetProperty("id").GetString();

        var byId = Data(await GraphQLAsync("""query($id: ID!) { consultation(by: { id: $id }) { reference } }""", new { id }));

        Assert.Equal(reference, byId.GetProperty("consultation").GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Consultation_Unknown_Null()
    {
        var data = Data(await GraphQLAsync("""{ a: consultation(by: { reference: "NOPE1" }) { id } b: consultation(by: { id: "not-a-guid" }) { id } }"""));

        Assert.Equal(JsonValueKind.Null, data.GetProperty("a").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("b").ValueKind);
    }

    [Fact]
    public async Task Consultation_BothIdAndReference_RefusedByOneOf()
    {
        var response = await GraphQLAsync("""{ consultation(by: { id: "x", reference: "y" }) { id } }""");

        Assert.Contains("OneOf", response.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task EngineError_WelshRequest_MessageInWelshWithTheSameCode()
    {
        const string query = "{ openConsultations { nope } }";

        var english = (await GraphQLAsync(query)).GetProperty("errors")[0];
        var welsh = (await GraphQLAsync(query, language: "cy")).GetProperty("errors")[0];

        Assert.Equal("Cannot query field \"nope\" on type \"ConsultationConnection\".", english.GetProperty("message").GetString());
        Assert.NotEqual(english.GetProperty("message").GetString(), welsh.GetProperty("message").GetString());
        Assert.Contains("nope", welsh.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Introspection_Development_Allowed()
    {
        var data = Data(await GraphQLAsync("{ __schema { queryType { name } } }"));

        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement dataOrEdges)
    {
        var edges = dataOrEdges.ValueKind == JsonValueKind.Array ? dataOrEdges : dataOrEdges.GetProperty("openConsultations").GetProperty("edges");
        return edges.EnumerateArray().Select(e => e.GetProperty("node"));
    }
}
