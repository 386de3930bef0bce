using System.Net;
using System.Text;
using System.Text.Json;
using CoProduce.GraphQL.AspNetCore.Tests.Infrastructure;
using static CoProduce.GraphQL.AspNetCore.Tests.Infrastructure.GraphQLHttp;

namespace CoProduce.GraphQL.AspNetCore.Tests;

public sealed class GraphQLHttpHandlerTests
{
    [Fact]
    public async Task Post_ValidQuery_Returns200WithGraphQLResponseJson()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(PostQuery("{ hello(name: \"Cymru\") }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("""{"data":{"hello":"Hello, Cymru!"}}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json;q=0.5", "application/json")]
    [InlineData("text/html, application/json;q=0.1", "application/json")]
    public async Task Post_AcceptHeader_NegotiatesMediaType(string? accept, string expected)
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(PostQuery("{ hello }", accept: accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain;q=0.5")]
    [InlineData("application/json;q=0")]
    public async Task Post_NothingAcceptable_Returns406(string accept)
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(PostQuery("{ hello }", accept: accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("{ hello(", "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("{ hello(", "application/json", HttpStatusCode.OK)]
    [InlineData("{ nope }", "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("{ nope }", "application/json", HttpStatusCode.OK)]
    public async Task Post_DocumentError_StatusDependsOnMediaType(string query, string accept, HttpStatusCode expected)
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(PostQuery(query, accept: accept));
        var body = await response.JsonAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Post_VariableCoercionFailure_StatusDependsOnMediaType(string accept, HttpStatusCode expected)
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(
            PostQuery("query($a: Int!) { slow(ms: $a) }", new { a = "many" }, accept));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("Int cannot represent", (await response.JsonAsync()).FirstErrorMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FieldErrorWithData_Returns200()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(PostQuery("{ hello refuse }"));
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", body.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("TEAPOT", body.FirstErrorCode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_UnsupportedContentType_Returns415(string? contentType)
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(Post("""{"query":"{ hello }"}""", contentType: contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/graphql-response+json")]
    public async Task Post_JsonContentTypes_AreAccepted(string contentType)
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(Post("""{"query":"{ hello }"}""", contentType: contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("\"query\"")]
    [InlineData("""{"query": 1}""")]
    [InlineData("""{"query": {"a": 1}}""")]
    [InlineData("""{"query": "{ hello }", "operationName": 2}""")]
    [InlineData("""{"query": "{ hello }", "variables": "{}"}""")]
    [InlineData("""{"query": "{ hello }", "variables": [1]}""")]
    [InlineData("""{"query": "{ hello }", "extensions": "x"}""")]
    [InlineData("""{"variables": {}}""")]
    public async Task Post_MalformedRequest_Returns400ForBothMediaTypes(string body)
    {
        await using var server = await TestGraphQLServer.StartAsync();
        var client = server.CreateClient();
        foreach (var accept in new[] { GraphQLResponse, "application/json" })
        {
            using var response = await client.SendAsync(Post(body, accept));
            var json = await response.JsonAsync();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("BAD_REQUEST", json.FirstErrorCode());
        }
    }

    [Fact]
    public async Task Post_NullParameters_AreAllowed()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(
            Post("""{"query":"{ hello }","operationName":null,"variables":null,"extensions":null}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_OperationName_SelectsOperation()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(
            Post("""{"query":"query A { hello } mutation B { add(a: 1, b: 2) }","operationName":"B"}"""));

        Assert.Equal("""{"data":{"add":3}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.MaxRequestBodyBytes = 100);
        var client = server.CreateClient();
        var query = "{ hello(name: \"" + new string('a', 200) + "\") }";

        using var withLength = await client.SendAsync(PostQuery(query));
        var chunked = Post(JsonSerializer.Serialize(new { query }));
        chunked.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query }))));
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var withoutLength = await client.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutLength.StatusCode);
    }

    [Fact]
    public async Task Get_Query_Returns200WithUrlEncodedVariables()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        var query = Uri.EscapeDataString("query($n: String) { hello(name: $n) }");
        var variables = Uri.EscapeDataString("""{"n":"Gwen"}""");
        using var response = await server.CreateClient().SendAsync(Get($"query={query}&variables={variables}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"Hello, Gwen!"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Mutation_Returns405AllowingPost()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(Get("query=" + Uri.EscapeDataString("mutation { add(a: 1, b: 1) }")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("query=%7Bhello%7D&variables=%7Bnot-json")]
    [InlineData("query=%7Bhello%7D&variables=%5B1%5D")]
    [InlineData("query=%7Bhello%7D&query=%7Bhello%7D")]
    [InlineData("variables=%7B%7D")]
    public async Task Get_MalformedParameters_Returns400(string queryString)
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(Get(queryString));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_WhenDisabled_Returns405()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.EnableGetRequests = false);
        using var response = await server.CreateClient().SendAsync(Get("query=%7Bhello%7D"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Put_Returns405AllowingGetAndPost()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Post_Subscription_Returns400PointingToWebSocket()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(PostQuery("subscription { count(to: 2) }"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", (await response.JsonAsync()).FirstErrorMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BatchWhenDisabled_Returns400()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(Post("""[{"query":"{ hello }"}]"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BatchWhenEnabled_ReturnsOneResultPerRequest()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.MaxBatchSize = 2);
        var client = server.CreateClient();
        using var ok = await client.SendAsync(Post("""[{"query":"{ hello }"},{"query":"mutation { add(a: 2, b: 2) }"}]"""));
        using var tooMany = await client.SendAsync(Post("""[{"query":"{ hello }"},{"query":"{ hello }"},{"query":"{ hello }"}]"""));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("""[{"data":{"hello":"Hello, world!"}},{"data":{"add":4}}]""", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Post_UnexpectedExceptionInProduction_IsMaskedWithLoggedCorrelationId()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        using var response = await server.CreateClient().SendAsync(PostQuery("{ fail }"));
        var text = await response.Content.ReadAsStringAsync();
        var error = JsonDocument.Parse(text).RootElement.GetProperty("errors")[0];
        var correlationId = error.GetProperty("extensions").GetProperty("correlationId").GetString()!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("at CoProduce", text, StringComparison.Ordinal);
        Assert.Equal("Unexpected error.", error.GetProperty("message").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(server.Log.Entries, e => e.Message.Contains(correlationId, StringComparison.Ordinal)
            && e.Exception?.Message.Contains("hunter2", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Post_UnexpectedExceptionInDevelopment_ShowsMessage()
    {
        await using var server = await TestGraphQLServer.StartAsync(environment: "Development");
        using var response = await server.CreateClient().SendAsync(PostQuery("{ fail }"));

        Assert.Contains("hunter2", (await response.JsonAsync()).FirstErrorMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TransportFailure_Returns500WithoutDetails()
    {
        await using var server = await TestGraphQLServer.StartAsync(o =>
            o.ConfigureRequest = (_, _) => throw new InvalidOperationException("secret-infrastructure-detail"));
        using var response = await server.CreateClient().SendAsync(PostQuery("{ hello }"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret-infrastructure-detail", text, StringComparison.Ordinal);
        Assert.Contains(server.Log.Entries, e => e.Exception?.Message == "secret-infrastructure-detail");
    }

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.ServiceUnavailable)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Post_ExecutionTimeout_EndsWithTimeoutError(string accept, HttpStatusCode expected)
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.ExecutionTimeout = TimeSpan.FromMilliseconds(50));
        using var response = await server.CreateClient().SendAsync(PostQuery("{ slow(ms: 10000) }", accept: accept));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("EXECUTION_TIMEOUT", (await response.JsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Post_EngineLimits_ArePassedThrough()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.Execution = o.Execution with { MaxAliases = 1 });
        using var response = await server.CreateClient().SendAsync(PostQuery("{ a: hello b: hello }"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MAX_ALIASES_EXCEEDED", (await response.JsonAsync()).FirstErrorCode());
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Development", null, true)]
    [InlineData("Production", true, true)]
    [InlineData("Development", false, false)]
    public async Task Post_Introspection_FollowsEnvironmentUnlessConfigured(string environment, bool? enabled, bool expected)
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.EnableIntrospection = enabled, environment: environment);
        using var response = await server.CreateClient().SendAsync(PostQuery("{ __schema { queryType { name } } }"));
        var body = await response.JsonAsync();

        Assert.Equal(expected, body.TryGetProperty("data", out _));
        Assert.Equal(expected ? null : "INTROSPECTION_DISABLED", body.TryGetProperty("errors", out _) ? body.FirstErrorCode() : null);
    }

    [Fact]
    public async Task Post_LocalizeError_RewritesEveryMessage()
    {
        await using var server = await TestGraphQLServer.StartAsync(o =>
            o.LocalizeError = (error, http) => $"[{http.Request.Headers.AcceptLanguage}] {error.Extensions?["code"]}");
        var request = PostQuery("{ refuse }");
        request.Headers.Add("Accept-Language", "cy");
        using var response = await server.CreateClient().SendAsync(request);

        Assert.Equal("[cy] TEAPOT", (await response.JsonAsync()).FirstErrorMessage());
    }

    [Fact]
    public async Task Post_RequestContext_ReachesResolvers()
    {
        await using var server = await TestGraphQLServer.StartAsync();
        var request = PostQuery("""{ me item(key: "greeting") }""");
        request.Headers.Add("X-Test-User", "alys");
        using var response = await server.CreateClient().SendAsync(request);

        Assert.Equal("""{"data":{"me":"alys","item":"hi"}}""", await response.Content.ReadAsStringAsync());
    }
}
