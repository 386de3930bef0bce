using System.Net;
using CoProduce.Testing;

namespace CoProduce.Server.Tests.Api;

/// <summary>The API's limits and production settings, on the real server in Production.</summary>
public sealed class LimitsTests(SqliteTestDatabase database) : ApiTestBase(database, "Production"), IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task Introspection_Production_Disabled()
    {
        var response = await GraphQLAsync("{ __schema { queryType { name } } }");

        Assert.Equal("INTROSPECTION_DISABLED", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Typename_Production_StillAnswered()
    {
        var data = Data(await GraphQLAsync("{ __typename }"));

        Assert.Equal("Query", data.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Cost_HundredConsultationsWithQuestionnaires_Refused()
    {
        const string query = "{ openConsultations(first: 100) { edges { node { questionnaire { sections { questions { options { value label { en cy } } } } } } } } }";

        var response = await GraphQLAsync(query);

        Assert.Equal("COST_EXCEEDED", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(response.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Aliases_OverTheLimit_Refused()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 51).Select(i => $"a{i}: __typename")) + " }";

        var response = await GraphQLAsync(query);

        Assert.Equal("MAX_ALIASES_EXCEEDED", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Body_OverTheLimit_413()
    {
        using var response = await PostGraphQLAsync("{ __typename }", new { padding = new string('x', 300 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Mutation_OverGet_405()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { submitResponse(input: { consultationReference: \"X1\" }) { errors { code } } }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task StaffOnlyQuery_Anonymous_UnauthenticatedInTheRequestLanguage()
    {
        var english = await GraphQLAsync("{ staffConsultations { totalCount } }");
        var welsh = await GraphQLAsync("{ staffConsultations { totalCount } }", language: "cy");

        Assert.Equal("UNAUTHENTICATED", english.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Sign in as a member of staff (send an API token) to use this.", english.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.StartsWith("Mewngofnodwch", welsh.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
