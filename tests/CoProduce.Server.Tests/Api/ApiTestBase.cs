using System.Globalization;
using System.Text.Json;
using CoProduce.GraphQL;
using CoProduce.GraphQL.Execution;
using CoProduce.Server.Tests.Journey;
using CoProduce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Api;

/// <summary>The real server and database, with helpers to call the GraphQL API.</summary>
public abstract class ApiTestBase(TestDatabase database, string environmentName = "Development") : JourneyTestBase(database, environmentName)
{
    /// <summary>Runs a GraphQL request as the API does and returns the response body.</summary>
    protected async Task<JsonElement> GraphQLAsync(string query, object? variables = null, string language = "en")
    {
        var culture = language == "cy" ? CultureInfo.GetCultureInfo("cy-GB") : CultureInfo.GetCultureInfo("en-GB");
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var executor = scope.ServiceProvider.GetRequiredService<GraphQLExecutor>();
            var vars = variables is null
                ? null
                : ValueCoercion.VariablesFromJson(JsonSerializer.SerializeToElement(variables));
            var result = await executor.ExecuteAsync(new GraphQLRequest(query, null, vars) { Services = scope.ServiceProvider });
            return JsonDocument.Parse(result.ToUtf8Json()).RootElement.Clone();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>The data of a response that must have no errors.</summary>
    protected static JsonElement Data(JsonElement response)
    {
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data");
    }
}
