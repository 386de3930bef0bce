using System.Net;
using System.Text.Json;
using CoProduce.GraphQL.AspNetCore.Tests.Infrastructure;
using static CoProduce.GraphQL.AspNetCore.Tests.Infrastructure.GraphQLHttp;

namespace CoProduce.GraphQL.AspNetCore.Tests;

public sealed class TrustedDocumentTests
{
    private const string Trusted = "{ hello }";

    private static readonly string s_hash = InMemoryTrustedDocumentStore.Hash(Trusted);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_DocumentId_RunsTrustedDocument(bool prefixed)
    {
        await using var server = await TestGraphQLServer.StartAsync(build: b => b.AddTrustedDocuments([Trusted]));
        var id = prefixed ? "sha256:" + s_hash : s_hash;
        using var response = await server.CreateClient().SendAsync(Post(JsonSerializer.Serialize(new { documentId = id })));

        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_PersistedQueryExtension_RunsTrustedDocument()
    {
        await using var server = await TestGraphQLServer.StartAsync(build: b => b.AddTrustedDocuments([Trusted]));
        var extensions = Uri.EscapeDataString($$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{s_hash}}}"}}""");
        using var response = await server.CreateClient().SendAsync(Get("extensions=" + extensions));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_UnknownDocumentId_Returns400NotFound()
    {
        await using var server = await TestGraphQLServer.StartAsync(build: b => b.AddTrustedDocuments([Trusted]));
        using var response = await server.CreateClient().SendAsync(Post(JsonSerializer.Serialize(new { documentId = new string('0', 64) })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await response.JsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Post_RequiredModeWithUntrustedText_IsRefused()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.TrustedDocuments = TrustedDocumentMode.Required,
            build: b => b.AddTrustedDocuments([Trusted]));
        using var response = await server.CreateClient().SendAsync(PostQuery("{ hello(name: \"x\") }"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", (await response.JsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Post_RequiredModeWithTrustedTextOrId_Runs()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.TrustedDocuments = TrustedDocumentMode.Required,
            build: b => b.AddTrustedDocuments([Trusted]));
        var client = server.CreateClient();
        using var byText = await client.SendAsync(PostQuery(Trusted));
        using var byId = await client.SendAsync(Post(JsonSerializer.Serialize(new { documentId = "sha256:" + s_hash })));

        Assert.Equal(HttpStatusCode.OK, byText.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
    }

    [Fact]
    public async Task Post_RequiredModeWithoutStore_RefusesEverything()
    {
        await using var server = await TestGraphQLServer.StartAsync(o => o.TrustedDocuments = TrustedDocumentMode.Required);
        using var response = await server.CreateClient().SendAsync(PostQuery(Trusted));

        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", (await response.JsonAsync()).FirstErrorCode());
    }

    [Theory]
    [InlineData("sha256:abc")]
    [InlineData("md5:0123")]
    [InlineData("zz")]
    public void NormaliseId_NotASha256Id_ReturnsNull(string id) => Assert.Null(InMemoryTrustedDocumentStore.NormaliseId(id));
}
