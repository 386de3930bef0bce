using System.Collections.Concurrent;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;
using static CoProduce.GraphQL.Tests.Execution.TestSchema;

namespace CoProduce.GraphQL.Tests.Execution;

public sealed class DataLoaderTests
{
    private const string Sdl = """
        type Query { posts(n: Int!): [Post!]! slowPosts(n: Int!): [Post!]! }
        type Post { id: Int! author: Author! }
        type Author { id: Int! name: String! country: Country! }
        type Country { code: String! }
        """;

    private static (GraphQLExecutor Executor, ConcurrentBag<int[]> AuthorBatches, ConcurrentBag<int[]> CountryBatches) Build()
    {
        var authorBatches = new ConcurrentBag<int[]>();
        var countryBatches = new ConcurrentBag<int[]>();
        var schema = new SchemaBuilder().AddSdl(Sdl)
            .Bind("Query", "posts", c => new ValueTask<object?>(
                Enumerable.Range(1, (int)c.Arguments["n"]!).Select(i => new Dictionary<string, object?> { ["id"] = i }).ToList()))
            .Bind("Query", "slowPosts", async c =>
            {
                await Task.Delay(10);
                return Enumerable.Range(1, (int)c.Arguments["n"]!).Select(i => new Dictionary<string, object?> { ["id"] = i }).ToList();
            })
            .Bind("Post", "author", async c =>
            {
                var loader = c.GetDataLoader<int, Dictionary<string, object?>>("authors", async (keys, _) =>
                {
                    authorBatches.Add([.. keys]);
                    await Task.Delay(5);
                    return keys.Distinct().ToDictionary(k => k, k => new Dictionary<string, object?>
                    {
                        ["id"] = k,
                        ["name"] = "Author " + k,
                        ["countryId"] = k % 2,
                    });
                });
                var postId = (int)((IReadOnlyDictionary<string, object?>)c.Source!)["id"]!;
                return await loader.LoadAsync(postId % 3);
            })
            .Bind("Author", "country", c =>
            {
                var loader = c.GetDataLoader<int, Dictionary<string, object?>>("countries", (keys, _) =>
                {
                    countryBatches.Add([.. keys]);
                    return Task.FromResult<IReadOnlyDictionary<int, Dictionary<string, object?>>>(
                        keys.ToDictionary(k => k, k => new Dictionary<string, object?> { ["code"] = k == 0 ? "GB" : "FR" }));
                });
                var countryId = (int)((Dictionary<string, object?>)c.Source!)["countryId"]!;
                return new ValueTask<object?>(loader.LoadAsync(countryId).ContinueWith(t => (object?)t.Result, TaskScheduler.Default));
            })
            .Build();
        return (new GraphQLExecutor(schema), authorBatches, countryBatches);
    }

    [Fact]
    public async Task DataLoader_NChildren_OneBatchCall()
    {
        var (executor, authors, _) = Build();
        var json = await executor.RunAsync("{ posts(n: 10) { id author { name } } }");
        Assert.DoesNotContain("errors", json);
        var batch = Assert.Single(authors);
        Assert.Equal([1, 2, 0], batch); // distinct keys, in first-load order; the cache served repeats
        Assert.Contains("{\"id\":4,\"author\":{\"name\":\"Author 1\"}}", json);
    }

    [Fact]
    public async Task DataLoader_NextLevel_BatchedTogetherAfterFirstLevel()
    {
        var (executor, authors, countries) = Build();
        var json = await executor.RunAsync("{ posts(n: 12) { author { country { code } } } }");
        Assert.DoesNotContain("errors", json);
        Assert.Single(authors);
        var batch = Assert.Single(countries);
        Assert.Equal(2, batch.Length);
    }

    [Fact]
    public async Task DataLoader_AfterAsyncParent_StillOneBatch()
    {
        var (executor, authors, _) = Build();
        var json = await executor.RunAsync("{ slowPosts(n: 20) { author { id } } }");
        Assert.DoesNotContain("errors", json);
        Assert.Single(authors);
    }

    [Fact]
    public async Task DataLoader_PerRequest_CacheIsNotShared()
    {
        var (executor, authors, _) = Build();
        await executor.RunAsync("{ posts(n: 3) { author { id } } }");
        await executor.RunAsync("{ posts(n: 3) { author { id } } }");
        Assert.Equal(2, authors.Count);
    }

    [Fact]
    public async Task DataLoader_BatchFailure_FailsEachLoad()
    {
        var schema = new SchemaBuilder().AddSdl(Sdl)
            .Bind("Query", "posts", c => new ValueTask<object?>(
                Enumerable.Range(1, 3).Select(i => new Dictionary<string, object?> { ["id"] = i }).ToList()))
            .Bind("Post", "author", async c =>
            {
                var loader = c.GetDataLoader<int, object>("failing", (_, _) =>
                    Task.FromException<IReadOnlyDictionary<int, object>>(new InvalidOperationException("db down")));
                return await loader.LoadAsync((int)((IReadOnlyDictionary<string, object?>)c.Source!)["id"]!);
            })
            .Build();
        var json = await new GraphQLExecutor(schema).RunAsync("{ posts(n: 3) { id author { id } } }");
        Assert.Equal(Json("{'errors':[{'message':'db down','locations':[{'line':1,'column':20}],'path':['posts',0,'author']}],'data':null}"), json);
    }

    [Fact]
    public async Task DataLoader_Standalone_BatchesLoadsQueuedTogether()
    {
        var calls = 0;
        var loader = new DataLoader<int, string>((keys, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => k.ToString()));
        });
        var values = await loader.LoadManyAsync([1, 2, 3, 2]);
        Assert.Equal(new string?[] { "1", "2", "3", "2" }, values);
        Assert.Equal(1, calls);
    }
}
