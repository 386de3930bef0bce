using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoProduce.Server.Tests.Journey;
using CoProduce.Testing;

namespace CoProduce.Server.Tests.Api;

/// <summary>The real server and database, with helpers to call the GraphQL API over HTTP.</summary>
public abstract class ApiTestBase(TestDatabase database, string environmentName = "Development") : JourneyTestBase(database, environmentName)
{
    /// <summary>Posts a GraphQL request to <c>/graphql</c> and returns the response body (any status).</summary>
    protected async Task<JsonElement> GraphQLAsync(string query, object? variables = null, string language = "en", string? bearerToken = null)
    {
        using var response = await PostGraphQLAsync(query, variables, language, bearerToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    protected async Task<HttpResponseMessage> PostGraphQLAsync(string query, object? variables = null, string language = "en", string? bearerToken = null)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.AcceptLanguage.ParseAdd(language);
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The data of a response that must have no errors.</summary>
    protected static JsonElement Data(JsonElement response)
    {
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data");
    }
}
