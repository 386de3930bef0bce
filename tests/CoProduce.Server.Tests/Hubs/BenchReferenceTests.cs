using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using CoProduce.Server.Hubs;
using CoProduce.Testing;
using CoProduce.Testing.SignalR;

namespace CoProduce.Server.Tests.Hubs;

/// <summary>The bench-only reference hub and memory figures exist only when the bench setting is on.</summary>
public sealed class BenchReferenceTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task BenchEndpoints_ByDefault_AreNotMapped()
    {
        await using var server = new HubServer(database);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var memory = await http.GetAsync(new Uri("bench/memory", UriKind.Relative));
        var hub = await Assert.ThrowsAsync<WebSocketException>(() => HubJsonClient.ConnectAsync(new Uri($"ws://{server.BaseAddress.Authority}{BenchReferenceHub.Path}")));

        Assert.Equal(HttpStatusCode.NotFound, memory.StatusCode);
        Assert.Contains("404", hub.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchEndpoints_WhenEnabled_AnswerVotesWithACounterAndReportMemory()
    {
        await using var server = new HubServer(database, new Dictionary<string, string?> { [BenchReferenceExtensions.EnabledKey] = "true" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await using var client = await HubJsonClient.ConnectAsync(new Uri($"ws://{server.BaseAddress.Authority}{BenchReferenceHub.Path}"));

        var first = await client.InvokeAsync("Vote", new { activityId = Guid.NewGuid(), choices = new[] { "o1" } });
        var second = await client.InvokeAsync("Vote", new { activityId = Guid.NewGuid(), choices = new[] { "o2" } });
        var tally = (await client.WaitForAsync("Tally"))[0];
        var memory = await http.GetFromJsonAsync<BenchMemory>(new Uri("bench/memory?collect=true", UriKind.Relative));

        Assert.Equal(first.GetProperty("sequence").GetInt64() + 1, second.GetProperty("sequence").GetInt64());
        Assert.True(tally.GetProperty("sequence").GetInt64() >= first.GetProperty("sequence").GetInt64());
        Assert.True(memory!.GcHeapBytes > 0 && memory.WorkingSetBytes > 0);
    }
}
