using System.Text.Json;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Tests.Execution;

/// <summary>
/// The execution time limit never turns a committed mutation into a timeout: once a root mutation field's resolver
/// has returned, its payload completes; later root fields and query work are still stopped.
/// </summary>
public sealed class MutationTimeoutTests
{
    private const string Sdl = """
        type Query { ping: String }
        type Mutation {
          save: SavePayload!
          other: Int
          required: Int!
        }
        type SavePayload { id: ID! detail: Detail! }
        type Detail { note: String! tokenCancelled: Boolean! }
        """;

    /// <summary>Counts how often each root field's resolver ran.</summary>
    private sealed class Calls
    {
        public int Save;
        public int Other;
        public int Required;
    }

    private static GraphQLExecutor Build(Calls calls, TimeSpan limit) =>
        new(new SchemaBuilder().AddSdl(Sdl)
            .Bind("Mutation", "save", async c =>
            {
                Interlocked.Increment(ref calls.Save);
                // The slow change: it returns (having "committed") only after the time limit has passed.
                try
                {
                    await Task.Delay(Timeout.Infinite, c.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                }

                return new Dictionary<string, object?> { ["id"] = "s1" };
            })
            .Bind("SavePayload", "detail", async c =>
            {
                await Task.Yield();
                c.CancellationToken.ThrowIfCancellationRequested();
                return new Dictionary<string, object?> { ["note"] = "saved" };
            })
            .Bind("Detail", "tokenCancelled", async c =>
            {
                await Task.Yield();
                return c.CancellationToken.IsCancellationRequested;
            })
            .Bind("Mutation", "other", _ =>
            {
                Interlocked.Increment(ref calls.Other);
                return new ValueTask<object?>(1);
            })
            .Bind("Mutation", "required", _ =>
            {
                Interlocked.Increment(ref calls.Required);
                return new ValueTask<object?>(2);
            })
            .Bind("Query", "ping", async c =>
            {
                await Task.Delay(Timeout.Infinite, c.CancellationToken);
                return "pong";
            })
            .Build(), new ExecutionOptions { ExecutionTimeout = limit });

    [Fact]
    public async Task Mutation_RootFieldReturnsAfterDeadline_PayloadComplete()
    {
        var calls = new Calls();
        var result = await Build(calls, TimeSpan.FromMilliseconds(100))
            .ExecuteAsync("mutation { save { id detail { note tokenCancelled } } }");

        Assert.Empty(result.Errors);
        Assert.Equal(
            """{"data":{"save":{"id":"s1","detail":{"note":"saved","tokenCancelled":false}}}}""",
            result.ToJson());
        Assert.Equal(1, calls.Save);
    }

    [Fact]
    public async Task Mutation_SecondRootFieldAfterDeadline_NotRunAndTimeoutError()
    {
        var calls = new Calls();
        var result = await Build(calls, TimeSpan.FromMilliseconds(100))
            .ExecuteAsync("mutation { save { id detail { note } } other }");

        Assert.Equal(0, calls.Other);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.Timeout, error.Extensions!["code"]);
        Assert.Equal(new object[] { "other" }, error.Path!);
        using var json = JsonDocument.Parse(result.ToJson());
        var data = json.RootElement.GetProperty("data");
        Assert.Equal("saved", data.GetProperty("save").GetProperty("detail").GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("other").ValueKind);
    }

    [Fact]
    public async Task Mutation_NonNullRootFieldAfterDeadline_NotRunAndDataNulled()
    {
        var calls = new Calls();
        var result = await Build(calls, TimeSpan.FromMilliseconds(100))
            .ExecuteAsync("mutation { save { id } required }");

        // Null propagation (spec 6.4.4) nulls the whole data; the error still names the field that did not run.
        Assert.Equal(0, calls.Required);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.Timeout, error.Extensions!["code"]);
        Assert.Equal(new object[] { "required" }, error.Path!);
        Assert.Null(result.Data);
    }

    [Fact]
    public async Task Query_PastDeadline_StillTimesOut()
    {
        var result = await Build(new Calls(), TimeSpan.FromMilliseconds(50)).ExecuteAsync("{ ping }");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.Timeout, error.Extensions!["code"]);
        Assert.Null(result.Data);
    }
}
