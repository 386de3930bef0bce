using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Tests.Types;

public sealed class ResolverBindingTests
{
    private const string Sdl = """
        type Query {
          hero(episode: Episode = JEDI): Character
          greeting(name: String!, times: Int = 1): String!
          slow(delayMs: Int!): Int!
          contextName: String
          total(numbers: [Int!]!): Int!
          echo(input: ReviewInput!): String!
          service: String!
          cancelled: Boolean!
        }

        type Character {
          name: String!
          nameLength: Int!
          friendNames(prefix: String): [String!]!
        }

        enum Episode { NEW_HOPE EMPIRE JEDI }

        input ReviewInput { stars: Int! commentary: String episode: Episode }
        """;

    public enum Episode
    {
        NewHope,
        Empire,
        Jedi,
    }

    public sealed record ReviewInput(int Stars, string? Commentary, Episode? Episode);

    public sealed class Character(string name)
    {
        public string Name { get; } = name;

        public int GetNameLength() => Name.Length;

        public IEnumerable<string> FriendNames(string? prefix) => [prefix + "Leia", prefix + "Han"];
    }

    public sealed class QueryResolvers
    {
        public Character Hero(Episode episode) => new(episode == Episode.Jedi ? "Luke" : "R2-D2");

        public static string Greeting(string name, int times) => string.Concat(Enumerable.Repeat($"Hello {name}!", times));

        public async Task<int> SlowAsync(int delayMs, CancellationToken cancellationToken)
        {
            await Task.Delay(delayMs, cancellationToken);
            return delayMs;
        }

        public string ContextName(IResolveFieldContext context) => context.FieldDefinition.Name;

        public int Total(List<int> numbers) => numbers.Sum();

        public string Echo(ReviewInput input) => $"{input.Stars} {input.Commentary} {input.Episode}";

        public string Service(IFormatProvider provider) => provider.GetType().Name;

        public bool Cancelled(CancellationToken token) => token.IsCancellationRequested;
    }

    private sealed class FakeContext(Schema schema, FieldDefinition field, object? source, Dictionary<string, object?> arguments)
        : IResolveFieldContext, IServiceProvider
    {
        public object? Source { get; } = source;

        public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments;

        public FieldDefinition FieldDefinition { get; } = field;

        public ObjectType ParentType => (ObjectType)FieldDefinition.DeclaringType!; // The tests only resolve object fields.

        public IReadOnlyList<FieldNode> FieldNodes { get; } = [];

        public Schema Schema { get; } = schema;

        public IServiceProvider? Services => this;

        public CancellationToken CancellationToken { get; init; }

        public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>();

        public object? GetService(Type serviceType) =>
            serviceType == typeof(IFormatProvider) ? System.Globalization.CultureInfo.InvariantCulture : null;
    }

    private static Schema Build() => new SchemaBuilder()
        .AddSdl(Sdl)
        .BindType<QueryResolvers>("Query")
        .BindType<Character>("Character")
        .BindEnum<Episode>("Episode")
        .Build();

    private static ValueTask<object?> Resolve(
        Schema schema, string type, string field, object? source = null, Dictionary<string, object?>? arguments = null,
        CancellationToken cancellationToken = default)
    {
        var definition = schema.GetType<ObjectType>(type)!.GetField(field)!;
        Assert.NotNull(definition.Resolver);
        return definition.Resolver(new FakeContext(schema, definition, source, arguments ?? [])
        {
            CancellationToken = cancellationToken,
        });
    }

    [Fact]
    public async Task BindType_MethodWithArguments_ResolvesByParameterName()
    {
        var schema = Build();

        var result = await Resolve(schema, "Query", "greeting", arguments: new() { ["name"] = "Rey", ["times"] = 2 });

        Assert.Equal("Hello Rey!Hello Rey!", result);
    }

    [Fact]
    public async Task BindType_EnumArgument_ArrivesAsBoundDotNetEnum()
    {
        var schema = Build();
        var episode = schema.GetType<EnumType>("Episode")!;

        var hero = await Resolve(schema, "Query", "hero", arguments: new() { ["episode"] = episode.GetValue("JEDI")!.Value });

        Assert.Equal(Episode.Jedi, episode.GetValue("JEDI")!.Value);
        Assert.Equal("NEW_HOPE", episode.Serialize(Episode.NewHope).Value);
        Assert.Equal("Luke", Assert.IsType<Character>(hero).Name);
    }

    [Fact]
    public async Task BindType_SourceMembers_RunOnTheParentValue()
    {
        var schema = Build();
        var luke = new Character("Luke");

        Assert.Equal(4, await Resolve(schema, "Character", "nameLength", luke));
        Assert.Equal(new[] { "Dr Leia", "Dr Han" }, await Resolve(schema, "Character", "friendNames", luke, new() { ["prefix"] = "Dr " }));
        Assert.Equal("Luke", await Resolve(schema, "Character", "name", luke));
        Assert.Equal(typeof(Character), schema.GetType<ObjectType>("Character")!.ClrType);
    }

    [Fact]
    public async Task BindType_AsyncMethod_AwaitsAndPassesCancellation()
    {
        var schema = Build();

        Assert.Equal(5, await Resolve(schema, "Query", "slow", arguments: new() { ["delayMs"] = 5 }));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Resolve(schema, "Query", "slow", arguments: new() { ["delayMs"] = 10_000 }, cancellationToken: cancelled.Token));
        Assert.Equal(true, await Resolve(schema, "Query", "cancelled", cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task BindType_ContextServicesListsAndInputObjects_AreInjected()
    {
        var schema = Build();

        Assert.Equal("contextName", await Resolve(schema, "Query", "contextName"));
        Assert.Equal("CultureInfo", await Resolve(schema, "Query", "service"));
        Assert.Equal(6, await Resolve(schema, "Query", "total", arguments: new() { ["numbers"] = new List<object?> { 1, 2, 3 } }));
        var input = new Dictionary<string, object?> { ["stars"] = 5, ["commentary"] = "great", ["episode"] = Episode.Empire };
        Assert.Equal("5 great Empire", await Resolve(schema, "Query", "echo", arguments: new() { ["input"] = input }));
    }

    [Fact]
    public async Task Bind_Explicit_WinsOverConvention()
    {
        var schema = new SchemaBuilder()
            .AddSdl(Sdl)
            .BindType<QueryResolvers>("Query")
            .Bind("Query", "greeting", _ => ValueTask.FromResult<object?>("explicit"))
            .Build();

        Assert.Equal("explicit", await Resolve(schema, "Query", "greeting"));
    }

    [Fact]
    public void Bind_UnknownTargets_AreReported()
    {
        var builder = new SchemaBuilder()
            .AddSdl("type Query { a: Int } enum E { A }")
            .Bind("Query", "nope", _ => default)
            .BindType<QueryResolvers>("Nope")
            .BindEnum<Episode>("E");

        var exception = Assert.Throws<SchemaException>(builder.Build);

        Assert.Equal(
            [
                "Enum value \"E.A\" has no member in the bound .NET enum Episode.",
                "Cannot bind QueryResolvers to \"Nope\": no object or interface type has that name.",
                "Cannot bind a resolver to \"Query.nope\": there is no such field.",
            ],
            exception.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Build_SchemaTypes_AreFrozen()
    {
        var schema = Build();
        var query = schema.QueryType!;

        Assert.True(query.IsFrozen);
        Assert.Throws<InvalidOperationException>(() => query.AddField(new FieldDefinition("x", BuiltIns.Int)));
        Assert.Throws<InvalidOperationException>(() => query.GetField("greeting")!.Resolver = null);
    }

    public sealed class Subscriptions
    {
        public async IAsyncEnumerable<int> Ticks(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }

        public IAsyncEnumerable<int> Plain(int count) => Ticks(count);
    }

    [Fact]
    public async Task BindType_SubscriptionStreams_BindAsSourceStreams()
    {
        var schema = new SchemaBuilder()
            .AddSdl("type Query { a: Int } type Subscription { ticks(count: Int!): Int! } type Other { plain(count: Int!): [Int!]! }")
            .BindType<Subscriptions>("Subscription")
            .BindType<Subscriptions>("Other")
            .Build();
        var ticks = schema.SubscriptionType!.GetField("ticks")!;
        var context = new FakeContext(schema, ticks, 7, new() { ["count"] = 3 });

        var events = new List<object?>();
        await foreach (var item in await ticks.Subscriber!(context))
        {
            events.Add(item);
        }

        Assert.Equal([0, 1, 2], events);
        Assert.Equal(7, await ticks.Resolver!(context));
        Assert.Null(schema.GetType<ObjectType>("Other")!.GetField("plain")!.Subscriber);
    }

    private sealed class UpperScalar() : ScalarType("Upper")
    {
        public override CoercionResult Serialize(object value) => CoercionResult.Ok(value.ToString()!.ToUpperInvariant());
    }

    [Fact]
    public void AddScalar_CustomImplementation_ReplacesPassThrough()
    {
        var schema = new SchemaBuilder()
            .AddSdl("\"Shouting\" scalar Upper @specifiedBy(url: \"https://upper\") scalar Plain type Query { a: Upper b: Plain }")
            .AddScalar(new UpperScalar())
            .Build();

        var upper = schema.GetType<ScalarType>("Upper")!;
        Assert.IsType<UpperScalar>(upper);
        Assert.Equal("ABC", upper.Serialize("abc").Value);
        Assert.Equal(("Shouting", "https://upper"), (upper.Description, upper.SpecifiedByUrl));
        var plain = schema.GetType<ScalarType>("Plain")!;
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1 }, plain.ParseLiteral(Parser.ParseValue("{a: 1}")).Value);
    }
}
