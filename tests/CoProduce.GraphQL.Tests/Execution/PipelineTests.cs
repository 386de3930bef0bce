using System.Text;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Tests.Introspection;
using CoProduce.GraphQL.Types;
using static CoProduce.GraphQL.Tests.Execution.TestSchema;

namespace CoProduce.GraphQL.Tests.Execution;

public sealed class PipelineTests
{
    private static string CodeOf(ExecutionResult result) => (string)Assert.Single(result.Errors).Extensions!["code"]!;

    [Fact]
    public async Task Cache_RepeatedDocument_SkipsParsingAndValidation()
    {
        var validations = 0;
        var executor = new GraphQLExecutor(TestSchema.Create(), validation: (schema, document, options) =>
        {
            validations++;
            return CoProduce.GraphQL.Validation.DocumentValidator.Validate(schema, document, options);
        });
        for (var i = 0; i < 3; i++)
        {
            var json = await executor.RunAsync("query($n: String) { hello(name: $n) }", "{\"n\":\"" + i + "\"}");
            Assert.Equal(Json("{'data':{'hello':'Hello, " + i + "'}}"), json);
        }

        Assert.Equal(1, validations);
        Assert.Equal(2, executor.Cache.Hits);
        Assert.Equal(1, executor.Cache.Misses);
    }

    [Fact]
    public void Cache_HitWithDifferentText_IsAMiss()
    {
        // Keys are not cryptographic: a (forced) collision must never return another document.
        var executor = TestSchema.Executor();
        var prepared = executor.Prepare("{ hello }", out _)!;
        var cache = new DocumentCache(4);
        var key = DocumentHash.Of("{ hello }");
        cache.Add(key, prepared);
        Assert.True(cache.TryGet(key, "{ hello }", out var hit));
        Assert.Same(prepared, hit);
        Assert.False(cache.TryGet(key, "{ other }", out _));
        Assert.NotEqual(key, DocumentHash.Of("{ hellp }"));
    }

    [Fact]
    public async Task Cache_IsBoundedLeastRecentlyUsed()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { DocumentCacheSize = 2 });
        await executor.RunAsync("{ a: hello }");
        await executor.RunAsync("{ b: hello }");
        await executor.RunAsync("{ a: hello }");
        await executor.RunAsync("{ c: hello }"); // evicts b, the least recently used
        Assert.Equal(2, executor.Cache.Count);
        var misses = executor.Cache.Misses;
        await executor.RunAsync("{ a: hello }");
        Assert.Equal(misses, executor.Cache.Misses);
        await executor.RunAsync("{ b: hello }");
        Assert.Equal(misses + 1, executor.Cache.Misses);
    }

    [Fact]
    public async Task Cache_InvalidDocument_IsNotCachedAndHasNoData()
    {
        var executor = TestSchema.Executor();
        var result = await executor.ExecuteAsync("{ xyzzy }");
        Assert.False(result.HasData);
        Assert.Equal("Cannot query field \"xyzzy\" on type \"Query\".", Assert.Single(result.Errors).Message);
        Assert.Equal(0, executor.Cache.Count);
    }

    [Fact]
    public async Task Cache_VariableDependentSkip_RecomputedPerRequest()
    {
        var executor = TestSchema.Executor();
        const string query = "query($s: Boolean!) { a: hello @skip(if: $s) b: hello }";
        Assert.Equal(Json("{'data':{'b':'Hello, world'}}"), await executor.RunAsync(query, "{\"s\":true}"));
        Assert.Equal(Json("{'data':{'a':'Hello, world','b':'Hello, world'}}"), await executor.RunAsync(query, "{\"s\":false}"));
    }

    [Fact]
    public async Task Cache_VariableDependentInclude_EachCombinationKeptAndReused()
    {
        var executor = TestSchema.Executor();
        const string query = """
            query($a: Boolean!, $b: Boolean!) {
              x: hello @include(if: $a)
              people(first: 1) { name ...F @skip(if: $b) }
            }
            fragment F on Person { n2: name }
            """;
        // Alternate the combinations so that a plan kept for one is never reused for another.
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(Json("{'data':{'x':'Hello, world','people':[{'name':'Ada'}]}}"),
                await executor.RunAsync(query, "{\"a\":true,\"b\":true}"));
            Assert.Equal(Json("{'data':{'people':[{'name':'Ada','n2':'Ada'}]}}"),
                await executor.RunAsync(query, "{\"a\":false,\"b\":false}"));
            Assert.Equal(Json("{'data':{'x':'Hello, world','people':[{'name':'Ada','n2':'Ada'}]}}"),
                await executor.RunAsync(query, "{\"a\":true,\"b\":false}"));
            Assert.Equal(Json("{'data':{'people':[{'name':'Ada'}]}}"),
                await executor.RunAsync(query, "{\"a\":false,\"b\":true}"));
        }
    }

    [Fact]
    public async Task Limit_CostFromVariables_KeptPerValueNotPerDocument()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { MaxCost = 100 });
        const string query = "query($n: Int) { people(first: $n) { name } }";
        for (var round = 0; round < 2; round++)
        {
            Assert.Empty((await executor.ExecuteAsync(query, new Dictionary<string, object?> { ["n"] = 5 })).Errors);
            var over = await executor.ExecuteAsync(query, new Dictionary<string, object?> { ["n"] = 500 });
            Assert.Equal(ErrorCodes.CostExceeded, CodeOf(over));
            Assert.Equal(501.0, over.Errors[0].Extensions!["cost"]);
            var otherOver = await executor.ExecuteAsync(query, new Dictionary<string, object?> { ["n"] = 200 });
            Assert.Equal(201.0, otherOver.Errors[0].Extensions!["cost"]);
            Assert.Empty((await executor.ExecuteAsync(query, new Dictionary<string, object?>())).Errors); // assumedSize 50
        }
    }

    [Fact]
    public async Task Limit_DocumentSize_RejectedWithCode()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { Parser = ParserOptions.Default with { MaxDocumentBytes = 100 } });
        var result = await executor.ExecuteAsync("{ hello " + new string(' ', 200) + "}");
        Assert.Equal(ErrorCodes.DocumentTooLarge, CodeOf(result));
    }

    [Fact]
    public async Task Limit_ParserDepth_SyntaxErrorNotStackOverflow()
    {
        var executor = TestSchema.Executor();
        var result = await executor.ExecuteAsync(new string('{', 100_000));
        Assert.StartsWith("Syntax Error", Assert.Single(result.Errors).Message);
        var values = await executor.ExecuteAsync("{ echo(list: " + new string('[', 50_000) + ") }");
        Assert.StartsWith("Syntax Error", Assert.Single(values.Errors).Message);
    }

    [Fact]
    public async Task Limit_TokenCount_SyntaxError()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { Parser = ParserOptions.Default with { MaxTokens = 50 } });
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 60).Select(i => $"a{i}: hello")) + " }";
        var result = await executor.ExecuteAsync(query);
        Assert.StartsWith("Syntax Error", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Limit_SelectionDepth_RejectedWithCode()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { MaxSelectionDepth = 4 });
        var ok = await executor.ExecuteAsync("{ person(id: \"1\") { friends { friends { name } } } }");
        Assert.Empty(ok.Errors);
        var deep = await executor.ExecuteAsync("{ person(id: \"1\") { friends { friends { friends { name } } } } }");
        Assert.Equal(ErrorCodes.MaxDepthExceeded, CodeOf(deep));
        Assert.False(deep.HasData);
        var viaFragments = await executor.ExecuteAsync(
            "{ person(id: \"1\") { ...A } } fragment A on Person { friends { ...B } } fragment B on Person { friends { friends { name } } }");
        Assert.Equal(ErrorCodes.MaxDepthExceeded, CodeOf(viaFragments));
    }

    [Fact]
    public async Task Limit_DefaultDepth_AllowsFullIntrospectionQuery()
    {
        var result = await TestSchema.Executor().ExecuteAsync(IntrospectionTests.FullQuery);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Limit_FieldCount_CountsFragmentExpansion()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { MaxFields = 100 });
        // Each fragment doubles the one below it: 2^10 fields from a tiny document.
        var fragments = new StringBuilder("fragment F0 on Query { hello }\n");
        for (var i = 1; i <= 10; i++)
        {
            fragments.Append($"fragment F{i} on Query {{ ...F{i - 1} ... on Query {{ ...F{i - 1} }} }}\n");
        }

        var result = await executor.ExecuteAsync("{ ...F10 }\n" + fragments);
        Assert.Equal(ErrorCodes.MaxFieldsExceeded, CodeOf(result));
    }

    [Fact]
    public async Task Limit_Aliases_RejectedWithCode()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { MaxAliases = 3 });
        var result = await executor.ExecuteAsync("{ a: hello b: hello c: hello d: hello }");
        Assert.Equal(ErrorCodes.MaxAliasesExceeded, CodeOf(result));
        Assert.Equal("The operation uses 4 aliases, more than the maximum of 3.", result.Errors[0].Message);
    }

    [Fact]
    public void Cost_FollowsWeightsAndListSizes()
    {
        var schema = TestSchema.Create();
        var executor = new GraphQLExecutor(schema);
        double CostOf(string query, IReadOnlyDictionary<string, object?>? variables = null)
        {
            var document = executor.Prepare(query, out var errors);
            Assert.Empty(errors);
            var operation = document!.Document.Definitions.OfType<OperationDefinitionNode>().Single();
            return OperationAnalyzer.Measure(schema, document, operation, variables, executor.Options, out _).Cost;
        }

        Assert.Equal(2, CostOf("{ hello a: hello }"));
        Assert.Equal(50, CostOf("{ expensive }"));
        // people: weight 1 + first (5) × (name 1 + friends (1 + default list size 10 × name 1))
        Assert.Equal(1 + (5 * (1 + 1 + (10 * 1))), CostOf("{ people(first: 5) { name friends { name } } }"));
        Assert.Equal(1 + (50 * 1), CostOf("{ people { name } }")); // assumedSize
        Assert.Equal(1 + (7 * 1), CostOf("query($n: Int) { people(first: $n) { name } }", new Dictionary<string, object?> { ["n"] = 7 }));
        Assert.Equal(0, CostOf("{ __schema { types { name fields { name } } } }"));
    }

    [Fact]
    public void Cost_ConnectionWithSizedFields_MultipliesTheSizedListsOnly()
    {
        var schema = SchemaBuilder.FromSdl("""
            directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
            type Query { items(first: Int): ItemConnection! @listSize(assumedSize: 20, slicingArguments: ["first"], sizedFields: ["edges"]) }
            type ItemConnection { edges: [Edge!]! total: Int! }
            type Edge { node: Item! tags: [String!]! }
            type Item { name: String! parts: [Item!]! }
            """);
        var executor = new GraphQLExecutor(schema);
        double CostOf(string query)
        {
            var document = executor.Prepare(query, out var errors);
            Assert.Empty(errors);
            var operation = document!.Document.Definitions.OfType<OperationDefinitionNode>().Single();
            return OperationAnalyzer.Measure(schema, document, operation, null, executor.Options, out _).Cost;
        }

        // items 1 + (edges 1 + first × (node 1 + name 1)) + total 1
        Assert.Equal(1 + 1 + (100 * 2) + 1, CostOf("{ items(first: 100) { edges { node { name } } total } }"));
        Assert.Equal(1 + 1 + (20 * 2), CostOf("{ items { edges { node { name } } } }"));
        // Lists below the sized field keep their own size (default 10), not the connection's.
        Assert.Equal(1 + 1 + (3 * (1 + 1 + (10 * 1))), CostOf("{ items(first: 3) { edges { node { parts { name } } } } }"));
    }

    [Fact]
    public async Task Limit_Cost_RejectedWithCodeAndCost()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { MaxCost = 100 });
        var ok = await executor.ExecuteAsync("{ people(first: 10) { name } }");
        Assert.Empty(ok.Errors);
        var result = await executor.ExecuteAsync("query($n: Int) { people(first: $n) { name friends { name } } }",
            new Dictionary<string, object?> { ["n"] = 1000 });
        Assert.Equal(ErrorCodes.CostExceeded, CodeOf(result));
        Assert.Equal(12001.0, result.Errors[0].Extensions!["cost"]);
    }

    [Fact]
    public async Task Request_FromJsonBody_Executes()
    {
        using var body = System.Text.Json.JsonDocument.Parse(
            """{"query":"query Q($n: String) { hello(name: $n) }","operationName":"Q","variables":{"n":"json"}}""");
        var result = await TestSchema.Executor().ExecuteAsync(GraphQLRequest.FromJson(body.RootElement));
        Assert.Equal(Json("{'data':{'hello':'Hello, json'}}"), result.ToJson());
    }

    [Fact]
    public async Task Items_SharedWithResolvers()
    {
        var schema = TestSchema.Create(b => b.Bind("Query", "hello", c => new ValueTask<object?>("user " + c.Items["user"])));
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("{ hello }")
        {
            Items = new Dictionary<string, object?> { ["user"] = "ada" },
        });
        Assert.Equal(Json("{'data':{'hello':'user ada'}}"), result.ToJson());
    }
}
