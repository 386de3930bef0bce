using System.Runtime.CompilerServices;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;
using static CoProduce.GraphQL.Tests.Execution.TestSchema;

namespace CoProduce.GraphQL.Tests.Execution;

public sealed class OperationTypeTests
{
    [Fact]
    public async Task Mutation_RootFields_RunSeriallyInOrder()
    {
        // Each increment reads, yields, then writes: run concurrently they would all read 0.
        var executor = TestSchema.Executor();
        var json = await executor.RunAsync("mutation { a: increment b: increment(by: 10) c: increment }");
        Assert.Equal(Json("{'data':{'a':1,'b':11,'c':12}}"), json);
    }

    [Fact]
    public async Task Mutation_NullableFailure_DoesNotStopLaterFields()
    {
        var executor = TestSchema.Executor();
        var json = await executor.RunAsync("mutation { fail a: increment }");
        Assert.Equal(Json("{'errors':[{'message':'Mutation failed.','locations':[{'line':1,'column':12}],'path':['fail']}],'data':{'fail':null,'a':1}}"), json);
    }

    [Fact]
    public async Task Mutation_NotInSchema_GivesError()
    {
        var executor = TestSchema.UnvalidatedExecutor(SchemaBuilder.FromSdl("type Query { a: Int }"));
        var json = await executor.RunAsync("mutation { a }");
        Assert.Equal(Json("{'errors':[{'message':'Schema is not configured to execute mutation operation.','locations':[{'line':1,'column':1}]}]}"), json);
    }

    [Fact]
    public async Task Subscription_EachEvent_ExecutedAsQuery()
    {
        var executor = TestSchema.Executor();
        var result = await executor.ExecuteAsync("subscription { counter(to: 3) }");
        Assert.True(result.IsStream);
        var events = new List<string>();
        await foreach (var item in result.Stream)
        {
            events.Add(item.ToJson());
        }

        Assert.Equal([Json("{'data':{'counter':1}}"), Json("{'data':{'counter':2}}"), Json("{'data':{'counter':3}}")], events);
    }

    [Fact]
    public async Task Subscription_FieldResolverMapsEvents()
    {
        var schema = TestSchema.Create(b => b.Bind("Subscription", "counter", c => new ValueTask<object?>((int)c.Source! * 100)));
        var result = await new GraphQLExecutor(schema).ExecuteAsync("subscription { counter(to: 2) }");
        var events = new List<string>();
        await foreach (var item in result.Stream!)
        {
            events.Add(item.ToJson());
        }

        Assert.Equal([Json("{'data':{'counter':100}}"), Json("{'data':{'counter':200}}")], events);
    }

    [Fact]
    public async Task Subscription_EachEvent_GetsFreshDataLoadersButSharedItems()
    {
        var batches = 0;
        var schema = TestSchema.Create(b => b.Bind("Subscription", "counter", async c =>
        {
            var loader = c.GetDataLoader<int, int>("double", (keys, _) =>
            {
                Interlocked.Increment(ref batches);
                return Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * (int)c.Items["factor"]!));
            });
            return await loader.LoadAsync(1);
        }));
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("subscription { counter(to: 2) }")
        {
            Items = new Dictionary<string, object?> { ["factor"] = 5 },
        });
        var events = new List<string>();
        await foreach (var item in result.Stream!)
        {
            events.Add(item.ToJson());
        }

        Assert.Equal([Json("{'data':{'counter':5}}"), Json("{'data':{'counter':5}}")], events);
        Assert.Equal(2, batches);
    }

    [Fact]
    public async Task Subscription_SourceStreamFailure_EndsWithErrorResult()
    {
        var result = await TestSchema.Executor().ExecuteAsync("subscription { broken }");
        var events = new List<string>();
        await foreach (var item in result.Stream!)
        {
            events.Add(item.ToJson());
        }

        Assert.Equal([Json("{'data':{'broken':1}}"), Json("{'errors':[{'message':'stream broke'}]}")], events);
    }

    [Fact]
    public async Task Subscription_InvalidArguments_ErrorWithoutStream()
    {
        var result = await TestSchema.UnvalidatedExecutor().ExecuteAsync("subscription($to: Int) { counter(to: $to) }");
        Assert.False(result.IsStream);
        Assert.Contains("was provided the variable \"$to\" which was not provided a runtime value.", result.Errors[0].Message);
    }

    [Fact]
    public async Task Subscription_Cancellation_StopsSourceStream()
    {
        var produced = 0;
        async IAsyncEnumerable<object?> Endless([EnumeratorCancellation] CancellationToken token = default)
        {
            while (true)
            {
                await Task.Delay(1, token);
                produced++;
                yield return produced;
            }
        }

        var schema = TestSchema.Create(b => b.BindSubscription("counter", _ => new ValueTask<IAsyncEnumerable<object?>>(Endless())));
        var result = await new GraphQLExecutor(schema).ExecuteAsync("subscription { counter(to: 0) }");
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in result.Stream!.WithCancellation(cts.Token))
            {
                if (++seen == 3)
                {
                    cts.Cancel();
                }
            }
        });
        Assert.Equal(3, seen);
    }

    [Fact]
    public async Task Cancellation_RequestToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await TestSchema.Executor().ExecuteAsync("{ slow(ms: 5000) }", cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Cancellation_ExecutionTimeout_GivesTimeoutError()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(50) });
        var started = DateTime.UtcNow;
        var result = await executor.ExecuteAsync("{ a: slow(ms: 5000) b: slow(ms: 5000) }");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.Timeout, error.Extensions!["code"]);
    }
}
