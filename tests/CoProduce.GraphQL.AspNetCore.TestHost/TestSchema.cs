using System.Runtime.CompilerServices;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.AspNetCore.TestHost;

/// <summary>
/// The schema the transport is tested with: a query, a mutation and subscriptions, plus fields that fail, wait or
/// read the request context, so every status and close code can be provoked.
/// </summary>
public static class TestSchema
{
    public const string Sdl = """
        "Test queries"
        type Query {
          "Greets someone."
          hello(name: String = "world"): String!
          "Throws an unexpected exception (masked outside Development)."
          fail: String
          "Throws a GraphQLException with code TEAPOT."
          refuse: String
          "Waits, honouring cancellation."
          slow(ms: Int!): String
          "The name of the request's (or connection's) user; null when anonymous."
          me: String
          "A value the host put in the request items, if any."
          item(key: String!): String
        }

        type Mutation {
          "Adds two numbers."
          add(a: Int!, b: Int!): Int!
        }

        type Subscription {
          "Counts from 1 to the given number."
          count(to: Int!): Int!
          "Ticks until cancelled."
          ticks(intervalMs: Int = 20): Int!
          "Emits one value, then fails."
          failing: Int!
        }
        """;

    /// <summary>How many <c>ticks</c> streams are running (a clean cancellation brings it back to zero).</summary>
    public static int ActiveTicks => Volatile.Read(ref s_activeTicks);

    private static int s_activeTicks;

    public static Schema Build() => new SchemaBuilder()
        .AddSdl(Sdl)
        .Bind("Query", "hello", c => new ValueTask<object?>($"Hello, {c.Arguments["name"]}!"))
        .Bind("Query", "fail", _ => throw new InvalidOperationException("Connection string Password=hunter2 is wrong."))
        .Bind("Query", "refuse", _ => throw new GraphQLException("I refuse.", "TEAPOT"))
        .Bind("Query", "slow", async c =>
        {
            await Task.Delay((int)c.Arguments["ms"]!, c.CancellationToken);
            return "done";
        })
        .Bind("Query", "me", c => new ValueTask<object?>(c.GetUser().Identity is { IsAuthenticated: true } identity ? identity.Name : null))
        .Bind("Query", "item", c => new ValueTask<object?>(
            c.Items.TryGetValue((string)c.Arguments["key"]!, out var value) ? value?.ToString() : null))
        .Bind("Mutation", "add", c => new ValueTask<object?>((int)c.Arguments["a"]! + (int)c.Arguments["b"]!))
        .BindSubscription("count", c => new ValueTask<IAsyncEnumerable<object?>>(Count((int)c.Arguments["to"]!)))
        .BindSubscription("ticks", c => new ValueTask<IAsyncEnumerable<object?>>(Ticks((int)c.Arguments["intervalMs"]!)))
        .BindSubscription("failing", _ => new ValueTask<IAsyncEnumerable<object?>>(Failing()))
        .Build();

    private static async IAsyncEnumerable<object?> Count(int to)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<object?> Ticks(int intervalMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref s_activeTicks);
        try
        {
            for (var i = 1; ; i++)
            {
                await Task.Delay(intervalMs, cancellationToken);
                yield return i;
            }
        }
        finally
        {
            Interlocked.Decrement(ref s_activeTicks);
        }
    }

    private static async IAsyncEnumerable<object?> Failing()
    {
        await Task.Yield();
        yield return 1;
        throw new InvalidOperationException("The source stream broke (internal detail).");
    }
}
