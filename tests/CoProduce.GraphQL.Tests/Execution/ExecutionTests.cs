using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;
using static CoProduce.GraphQL.Tests.Execution.TestSchema;

namespace CoProduce.GraphQL.Tests.Execution;

public sealed class ExecutionTests
{
    private readonly GraphQLExecutor _executor = TestSchema.Executor();

    [Fact]
    public async Task Execute_SimpleQuery_ReturnsDataInSelectionOrder()
    {
        var json = await _executor.RunAsync("{ b: hello(name: \"B\") hello a: hello(name: \"A\") }");
        Assert.Equal(Json("{'data':{'b':'Hello, B','hello':'Hello, world','a':'Hello, A'}}"), json);
    }

    [Fact]
    public async Task Execute_ClrObjects_DefaultResolverReadsPascalCaseProperties()
    {
        var json = await _executor.RunAsync("{ person(id: \"1\") { id name age friends { name } } }");
        Assert.Equal(Json("{'data':{'person':{'id':'1','name':'Ada','age':36,'friends':[{'name':'Grace'},{'name':'Alan'}]}}}"), json);
    }

    [Fact]
    public async Task Execute_DictionaryAndJsonSources_DefaultResolverReadsEntries()
    {
        var json = await _executor.RunAsync("{ dict { id name pet { __typename ... on Cat { meows } } } json { id name age } }");
        Assert.Equal(Json("{'data':{'dict':{'id':'9','name':'Dict','pet':{'__typename':'Cat','meows':true}},'json':{'id':'7','name':'Jason','age':7}}}"), json);
    }

    [Fact]
    public async Task Execute_Fragments_MergesFieldsAndAppliesTypeConditions()
    {
        const string query = """
            query { person(id: "1") { ...A name ... on Person { age } } nodes { ... on Dog { barks } } }
            fragment A on Named { name ... on Node { id } }
            """;
        var json = await _executor.RunAsync(query);
        Assert.Equal(Json("{'data':{'person':{'name':'Ada','id':'1','age':36},'nodes':[{},{'barks':true},null]}}"), json);
    }

    [Fact]
    public async Task Execute_AbstractTypes_ResolvedByClrTypeName()
    {
        var json = await _executor.RunAsync("{ nodes { __typename id ... on Dog { barks } } pets { ... on Cat { meows } ... on Dog { name } } }");
        Assert.Equal(Json("{'data':{'nodes':[{'__typename':'Person','id':'1'},{'__typename':'Dog','id':'d1','barks':true},null],'pets':[{'name':'Rex'},{'meows':false}]}}"), json);
    }

    [Fact]
    public async Task Execute_AbstractTypeWithUnknownClrType_GivesGraphQLJsError()
    {
        var json = await _executor.RunAsync("{ typeless { id } }");
        Assert.Contains("Abstract type \\\"Node\\\" must resolve to an Object type at runtime for field \\\"Query.typeless\\\"", json);
        Assert.Contains("\"path\":[\"typeless\"]", json);
    }

    [Fact]
    public async Task Execute_TypeResolver_Wins()
    {
        var schema = TestSchema.Create(b => b.BindTypeResolver("Node", (_, c) => c.Schema.GetType("Cat") as ObjectType));
        var json = await new GraphQLExecutor(schema).RunAsync("{ nodes { __typename } }");
        Assert.Equal(Json("{'data':{'nodes':[{'__typename':'Cat'},{'__typename':'Cat'},null]}}"), json);
    }

    [Fact]
    public async Task Execute_SkipAndInclude_WithLiteralsAndVariables()
    {
        const string query = """
            query($yes: Boolean!, $no: Boolean!) {
              a: hello @skip(if: true)
              b: hello @include(if: false)
              c: hello @include(if: $yes) @skip(if: $no)
              ... @skip(if: $yes) { d: hello }
              ...F @include(if: $yes)
            }
            fragment F on Query { e: hello }
            """;
        var json = await _executor.RunAsync(query, "{\"yes\":true,\"no\":false}");
        Assert.Equal(Json("{'data':{'c':'Hello, world','e':'Hello, world'}}"), json);
        var flipped = await _executor.RunAsync(query, "{\"yes\":false,\"no\":false}");
        Assert.Equal(Json("{'data':{'d':'Hello, world'}}"), flipped);
    }

    [Fact]
    public async Task Execute_Typename_OnRootAndObjects()
    {
        var json = await _executor.RunAsync("{ __typename person(id: \"2\") { __typename pet { __typename } } }");
        Assert.Equal(Json("{'data':{'__typename':'Query','person':{'__typename':'Person','pet':{'__typename':'Cat'}}}}"), json);
    }

    [Fact]
    public async Task Execute_Enums_SerialiseNamesAndRejectUnknownValues()
    {
        var json = await _executor.RunAsync("{ color a: color(c: RED) badColor }");
        Assert.Equal(Json("{'errors':[{'message':'Enum \\u0022Color\\u0022 cannot represent value: \\u0022PURPLE\\u0022','locations':[{'line':1,'column':26}],'path':['badColor']}],'data':{'color':'GREEN','a':'RED','badColor':null}}"), json);
    }

    [Fact]
    public async Task Execute_LeafSerialisationError_NullsNullableField()
    {
        var json = await _executor.RunAsync("{ badInt }");
        Assert.Equal(Json("{'errors':[{'message':'Int cannot represent non-integer value: \\u0022abc\\u0022','locations':[{'line':1,'column':3}],'path':['badInt']}],'data':{'badInt':null}}"), json);
    }

    [Fact]
    public async Task Execute_CustomScalarWithoutImplementation_PassesValueThrough()
    {
        var json = await _executor.RunAsync("{ now }");
        Assert.Equal(Json("{'data':{'now':'2026-11-21T22:00:00Z'}}"), json);
    }

    [Fact]
    public async Task Execute_UnknownOperationName_GivesError()
    {
        var json = await _executor.RunAsync("query A { hello } query B { hello }", operationName: "C");
        Assert.Equal(Json("{'errors':[{'message':'Unknown operation named \\u0022C\\u0022.'}]}"), json);
        var missing = await _executor.RunAsync("query A { hello } query B { hello }");
        Assert.Equal(Json("{'errors':[{'message':'Must provide operation name if query contains multiple operations.'}]}"), missing);
        var chosen = await _executor.RunAsync("query A { a: hello } query B { b: hello }", operationName: "B");
        Assert.Equal(Json("{'data':{'b':'Hello, world'}}"), chosen);
    }

    [Fact]
    public async Task Execute_SyntaxError_GivesErrorWithoutData()
    {
        var result = await _executor.ExecuteAsync("{ hello ");
        Assert.False(result.HasData);
        Assert.Single(result.Errors);
        Assert.StartsWith("Syntax Error", result.Errors[0].Message);
    }

    [Fact]
    public async Task Execute_AsyncSiblings_RunConcurrentlyAndKeepOrder()
    {
        // Each resolver waits until all three have started: run one after another, they would time out.
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = TestSchema.Create(b => b.Bind("Query", "slow", async c =>
        {
            if (Interlocked.Increment(ref started) == 3)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.Delay((int)c.Arguments["ms"]!);
            return "slept " + c.Arguments["ms"];
        }));
        var json = await new GraphQLExecutor(schema).RunAsync("{ a: slow(ms: 30) b: slow(ms: 1) c: slow(ms: 20) d: hello }");
        Assert.Equal(Json("{'data':{'a':'slept 30','b':'slept 1','c':'slept 20','d':'Hello, world'}}"), json);
    }

    [Fact]
    public async Task Execute_RootValue_IsSourceOfRootFields()
    {
        var schema = SchemaBuilder.FromSdl("type Query { greeting: String }");
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("{ greeting }")
        {
            RootValue = new Dictionary<string, object?> { ["greeting"] = "hi" },
        });
        Assert.Equal(Json("{'data':{'greeting':'hi'}}"), result.ToJson());
    }

    [Fact]
    public async Task Execute_ResultData_IsReadableAsDictionary()
    {
        var result = await _executor.ExecuteAsync("{ person(id: \"3\") { name age } }");
        var person = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Data!["person"]);
        Assert.Equal("Alan", person["name"]);
        Assert.Null(person["age"]);
        Assert.Equal(["name", "age"], person.Keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Execute_CollectionWhoseCountIsWrong_ListsWhatItYields(int claimedCount)
    {
        var schema = new SchemaBuilder().AddSdl("type Query { words: [String] objects: [Item] } type Item { n: Int }")
            .Bind("Query", "words", _ => new ValueTask<object?>(new MiscountedCollection(["a", "b", "c"], claimedCount)))
            .Bind("Query", "objects", _ => new ValueTask<object?>(
                new MiscountedCollection([new Dictionary<string, object?> { ["n"] = 1 }, new Dictionary<string, object?> { ["n"] = 2 }], claimedCount)))
            .Build();

        var json = await new GraphQLExecutor(schema).RunAsync("{ words objects { n } }");

        Assert.Equal(Json("{'data':{'words':['a','b','c'],'objects':[{'n':1},{'n':2}]}}"), json);
    }

    /// <summary>A collection whose <see cref="System.Collections.ICollection.Count"/> disagrees with what it yields.</summary>
    private sealed class MiscountedCollection(object[] items, int count) : System.Collections.ICollection
    {
        public int Count => count;

        public bool IsSynchronized => false;

        public object SyncRoot => this;

        public void CopyTo(Array array, int index) => items.CopyTo(array, index);

        public System.Collections.IEnumerator GetEnumerator() => items.GetEnumerator();
    }
}
