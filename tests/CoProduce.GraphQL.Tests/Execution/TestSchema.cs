using System.Runtime.CompilerServices;
using System.Text.Json;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Tests.Execution;

public sealed record Person(string Id, string Name, int? Age, IReadOnlyList<string> FriendIds, object? Pet = null);

public sealed record Dog(string Id, string Name, bool Barks);

public sealed record Cat(string Id, string Name, bool Meows);

/// <summary>A schema in SDL with deterministic resolvers, exercising every kind of type.</summary>
internal static class TestSchema
{
    public const string Sdl = """
        "Cost of a field or type (IBM GraphQL cost specification)."
        directive @cost(weight: String!) on FIELD_DEFINITION | OBJECT | SCALAR | ENUM | ARGUMENT_DEFINITION
        directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
        directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT

        "An instant, as RFC 3339 text."
        scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

        "Colours."
        enum Color {
          RED
          GREEN
          "Deprecated colour."
          BLUE @deprecated(reason: "Use GREEN")
        }

        interface Node { id: ID! }
        interface Named { name: String }

        "A person."
        type Person implements Node & Named @tag(name: "a") @tag(name: "b") {
          id: ID!
          name: String
          age: Int
          friends: [Person!]!
          pet: Pet
          bestFriend: Person!
          oldName: String @deprecated
        }

        type Dog implements Node & Named { id: ID! name: String barks: Boolean }
        type Cat implements Node & Named { id: ID! name: String meows: Boolean }
        union Pet = Dog | Cat

        input PersonFilter {
          name: String
          minAge: Int = 0
          color: Color = RED
          tags: [String!]
          legacy: String @deprecated(reason: "gone")
        }

        input PetBy @oneOf { id: ID name: String }

        input Nested { inner: PersonFilter = { name: "x" } list: [Int] = [1, 2] }

        type Query {
          hello(name: String = "world"): String
          person(id: ID!): Person
          people(first: Int): [Person!]! @listSize(slicingArguments: ["first"], assumedSize: 50)
          nodes: [Node]
          pets: [Pet!]!
          nonNullError: String!
          nullableError: String
          coded: String
          echo(filter: PersonFilter, color: Color, pet: PetBy, list: [Int!], when: DateTime, old: String @deprecated(reason: "no")): String
          nested(arg: Nested = {}): String
          slow(ms: Int!): String
          expensive: String @cost(weight: "50")
          now: DateTime
          color(c: Color = GREEN): Color
          badColor: Color
          badInt: Int
          dict: Person
          json: Person
          nonNullList: [String!]
          typeless: Node
        }

        type Mutation {
          increment(by: Int = 1): Int!
          fail: Int
        }

        type Subscription {
          counter(to: Int!): Int!
          broken: Int
        }
        """;

    public static readonly Dictionary<string, Person> People = new()
    {
        ["1"] = new Person("1", "Ada", 36, ["2", "3"], new Dog("d1", "Rex", true)),
        ["2"] = new Person("2", "Grace", 45, ["1"], new Cat("c1", "Tom", false)),
        ["3"] = new Person("3", "Alan", null, ["1", "2"]),
    };

    public static Schema Create(Action<SchemaBuilder>? configure = null)
    {
        var counter = new StrongBox<int>(0);
        var builder = new SchemaBuilder().AddSdl(Sdl)
            .Bind("Query", "hello", c => new ValueTask<object?>("Hello, " + c.Arguments["name"]))
            .Bind("Query", "person", c => new ValueTask<object?>(People.GetValueOrDefault((string)c.Arguments["id"]!)))
            .Bind("Query", "people", c =>
            {
                var first = c.Arguments.TryGetValue("first", out var f) && f is int n ? n : int.MaxValue;
                return new ValueTask<object?>(People.Values.Take(first).ToList());
            })
            .Bind("Query", "nodes", _ => new ValueTask<object?>(new object?[] { People["1"], new Dog("d1", "Rex", true), null }))
            .Bind("Query", "pets", _ => new ValueTask<object?>(new object[] { new Dog("d1", "Rex", true), new Cat("c1", "Tom", false) }))
            .Bind("Query", "nonNullError", _ => throw new InvalidOperationException("boom"))
            .Bind("Query", "nullableError", _ => throw new InvalidOperationException("nullable boom"))
            .Bind("Query", "coded", _ => throw new GraphQLException("Not allowed.", "FORBIDDEN"))
            .Bind("Query", "echo", c => new ValueTask<object?>(JsonSerializer.Serialize(c.Arguments)))
            .Bind("Query", "nested", c => new ValueTask<object?>(JsonSerializer.Serialize(c.Arguments)))
            .Bind("Query", "slow", async c =>
            {
                await Task.Delay((int)c.Arguments["ms"]!, c.CancellationToken);
                return "slept " + c.Arguments["ms"];
            })
            .Bind("Query", "expensive", _ => new ValueTask<object?>("$$$"))
            .Bind("Query", "now", _ => new ValueTask<object?>("2026-11-21T22:00:00Z"))
            .Bind("Query", "color", c => new ValueTask<object?>(c.Arguments["c"]))
            .Bind("Query", "badColor", _ => new ValueTask<object?>("PURPLE"))
            .Bind("Query", "badInt", _ => new ValueTask<object?>("abc"))
            .Bind("Query", "dict", _ => new ValueTask<object?>(new Dictionary<string, object?>
            {
                ["id"] = "9",
                ["name"] = "Dict",
                ["friends"] = new List<object?>(),
                ["pet"] = new Dictionary<string, object?> { ["__typename"] = "Cat", ["id"] = "c9", ["meows"] = true },
            }))
            .Bind("Query", "json", _ => new ValueTask<object?>(
                JsonDocument.Parse("""{"id":"7","name":"Jason","age":7,"friends":[]}""").RootElement))
            .Bind("Query", "nonNullList", _ => new ValueTask<object?>(new[] { "a", null, "c" }))
            .Bind("Query", "typeless", _ => new ValueTask<object?>(new object()))
            .Bind("Person", "friends", c => new ValueTask<object?>(((Person)c.Source!).FriendIds.Select(id => People[id]).ToList()))
            .Bind("Person", "bestFriend", c => new ValueTask<object?>((object?)null))
            .Bind("Mutation", "increment", async c =>
            {
                var before = counter.Value;
                await Task.Yield();
                counter.Value = before + (int)c.Arguments["by"]!;
                return counter.Value;
            })
            .Bind("Mutation", "fail", _ => throw new GraphQLException("Mutation failed."))
            .BindSubscription("counter", c => new ValueTask<IAsyncEnumerable<object?>>(Count((int)c.Arguments["to"]!)))
            .BindSubscription("broken", _ => new ValueTask<IAsyncEnumerable<object?>>(Broken()));
        configure?.Invoke(builder);
        return builder.Build();
    }

    public static async IAsyncEnumerable<object?> Count(int to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    public static async IAsyncEnumerable<object?> Broken()
    {
        await Task.Yield();
        yield return 1;
        throw new InvalidOperationException("stream broke");
    }

    public static GraphQLExecutor Executor(ExecutionOptions? options = null) => new(Create(), options);

    /// <summary>An executor without validation, to test how execution itself copes with invalid documents.</summary>
    public static GraphQLExecutor UnvalidatedExecutor(Schema? schema = null) =>
        new(schema ?? Create(), validation: (_, _, _) => []);

    public static async Task<string> RunAsync(
        this GraphQLExecutor executor,
        string query,
        object? variables = null,
        string? operationName = null)
    {
        IReadOnlyDictionary<string, object?>? vars = variables switch
        {
            null => null,
            string json => ValueCoercion.VariablesFromJson(JsonDocument.Parse(json).RootElement),
            IReadOnlyDictionary<string, object?> d => d,
            _ => throw new ArgumentException("variables"),
        };
        var result = await executor.ExecuteAsync(query, vars, operationName);
        return result.ToJson();
    }

    /// <summary>Compact JSON from a readable literal (single quotes allowed for brevity).</summary>
    public static string Json(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json.Replace('\'', '"')).RootElement, s_options);

    private static readonly JsonSerializerOptions s_options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
