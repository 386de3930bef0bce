using CoProduce.GraphQL.Execution;
using static CoProduce.GraphQL.Tests.Execution.TestSchema;

namespace CoProduce.GraphQL.Tests.Execution;

public sealed class ErrorTests
{
    private readonly GraphQLExecutor _executor = TestSchema.Executor();

    [Fact]
    public async Task ResolverException_OnNullableField_NullsFieldAndRecordsPath()
    {
        var json = await _executor.RunAsync("{ hello nullableError }");
        Assert.Equal(Json("{'errors':[{'message':'nullable boom','locations':[{'line':1,'column':9}],'path':['nullableError']}],'data':{'hello':'Hello, world','nullableError':null}}"), json);
    }

    [Fact]
    public async Task ResolverException_OnNonNullRootField_NullsData()
    {
        var json = await _executor.RunAsync("{ hello nonNullError }");
        Assert.Equal(Json("{'errors':[{'message':'boom','locations':[{'line':1,'column':9}],'path':['nonNullError']}],'data':null}"), json);
    }

    [Fact]
    public async Task NullForNonNullField_PropagatesToNearestNullableParent()
    {
        var json = await _executor.RunAsync("{ person(id: \"1\") { name bestFriend { name } } hello }");
        Assert.Equal(Json("{'errors':[{'message':'Cannot return null for non-nullable field Person.bestFriend.','locations':[{'line':1,'column':26}],'path':['person','bestFriend']}],'data':{'person':null,'hello':'Hello, world'}}"), json);
    }

    [Fact]
    public async Task NullInsideNonNullList_NullsTheListWithIndexedPath()
    {
        var json = await _executor.RunAsync("{ nonNullList }");
        Assert.Equal(Json("{'errors':[{'message':'Cannot return null for non-nullable field Query.nonNullList.','locations':[{'line':1,'column':3}],'path':['nonNullList',1]}],'data':{'nonNullList':null}}"), json);
    }

    [Fact]
    public async Task NullPropagation_ThroughNonNullListItems_ReachesNullableAncestor()
    {
        // people: [Person!]! — a non-null error in an item nulls the item, then the list, then the (nullable) root? No:
        // Query.people is non-null, so data becomes null.
        var json = await _executor.RunAsync("{ people { bestFriend { id } } }");
        Assert.Equal(Json("{'errors':[{'message':'Cannot return null for non-nullable field Person.bestFriend.','locations':[{'line':1,'column':12}],'path':['people',0,'bestFriend']}],'data':null}"), json);
    }

    [Fact]
    public async Task GraphQLException_SetsMessageAndCode()
    {
        var json = await _executor.RunAsync("{ coded }");
        Assert.Equal(Json("{'errors':[{'message':'Not allowed.','locations':[{'line':1,'column':3}],'path':['coded'],'extensions':{'code':'FORBIDDEN'}}],'data':{'coded':null}}"), json);
    }

    [Fact]
    public async Task MaskUnexpectedErrors_HidesExceptionMessagesButNotGraphQLExceptions()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { MaskUnexpectedErrors = true });
        var json = await executor.RunAsync("{ nullableError coded }");
        Assert.Contains("\"message\":\"Unexpected error.\"", json);
        Assert.Contains("\"message\":\"Not allowed.\"", json);
        Assert.DoesNotContain("nullable boom", json);
    }

    [Fact]
    public async Task UnexpectedErrorHandler_SeesExceptionAndReplacesOnlyUnexpectedErrors()
    {
        var seen = new List<Exception>();
        var executor = TestSchema.Executor(new ExecutionOptions
        {
            UnexpectedErrorHandler = (exception, error) =>
            {
                seen.Add(exception);
                return error with { Message = "masked", Extensions = new Dictionary<string, object?> { ["code"] = "X" } };
            },
        });
        var json = await executor.RunAsync("{ nullableError coded }");
        Assert.Contains("\"message\":\"masked\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"nullableError\"]", json);
        Assert.Contains("\"message\":\"Not allowed.\"", json);
        Assert.Equal("nullable boom", Assert.Single(seen).Message);
    }

    [Fact]
    public async Task MergedFieldNodes_AllAppearInErrorLocations()
    {
        var json = await _executor.RunAsync("{ nullableError ... on Query { nullableError } }");
        Assert.Contains("\"locations\":[{\"line\":1,\"column\":3},{\"line\":1,\"column\":32}]", json);
    }

    [Fact]
    public async Task ErrorsInListItems_HaveIndexedPaths()
    {
        var schema = TestSchema.Create(b => b.Bind("Person", "name", c =>
            ((Person)c.Source!).Id == "2" ? throw new InvalidOperationException("no name") : new ValueTask<object?>(((Person)c.Source!).Name)));
        var json = await new GraphQLExecutor(schema).RunAsync("{ people { name } }");
        Assert.Equal(Json("{'errors':[{'message':'no name','locations':[{'line':1,'column':12}],'path':['people',1,'name']}],'data':{'people':[{'name':'Ada'},{'name':null},{'name':'Alan'}]}}"), json);
    }

    [Fact]
    public async Task AsyncResolverErrors_AreLocatedLikeSyncOnes()
    {
        var schema = TestSchema.Create(b => b.Bind("Query", "nullableError", async _ =>
        {
            await Task.Delay(5);
            throw new GraphQLException("late", "LATE");
        }));
        var json = await new GraphQLExecutor(schema).RunAsync("{ nullableError hello }");
        Assert.Equal(Json("{'errors':[{'message':'late','locations':[{'line':1,'column':3}],'path':['nullableError'],'extensions':{'code':'LATE'}}],'data':{'nullableError':null,'hello':'Hello, world'}}"), json);
    }

    [Fact]
    public async Task ErrorsInListItemsWithoutResolvers_HaveIndexedPaths()
    {
        // List items of leaf-only objects get their path only when an error needs it: check it is the right one.
        var schema = new CoProduce.GraphQL.Types.SchemaBuilder()
            .AddSdl("type Query { rows: [Row] strict: [Row!] } type Row { n: Int! label: String inner: Inner } type Inner { m: Int }")
            .Bind("Query", "rows", _ => new ValueTask<object?>(Rows()))
            .Bind("Query", "strict", _ => new ValueTask<object?>(Rows()))
            .Build();
        var executor = new GraphQLExecutor(schema);

        var json = await executor.RunAsync("{ rows { n label inner { m } } }");
        Assert.Equal(Json("""
            {'errors':[
              {'message':'Int cannot represent non-integer value: 1.5','locations':[{'line':1,'column':10}],'path':['rows',1,'n']},
              {'message':'Int cannot represent non-integer value: \"x\"','locations':[{'line':1,'column':26}],'path':['rows',2,'inner','m']}],
             'data':{'rows':[{'n':1,'label':'a','inner':null},null,{'n':3,'label':null,'inner':{'m':null}}]}}
            """), json);

        json = await executor.RunAsync("{ strict { label n } }");
        Assert.Equal(Json("""
            {'errors':[{'message':'Int cannot represent non-integer value: 1.5','locations':[{'line':1,'column':18}],'path':['strict',1,'n']}],
             'data':{'strict':null}}
            """), json);

        static List<Dictionary<string, object?>> Rows() =>
        [
            new() { ["n"] = 1L, ["label"] = "a" },
            new() { ["n"] = 1.5, ["label"] = "b" },
            new() { ["n"] = 3, ["inner"] = new Dictionary<string, object?> { ["m"] = "x" } },
        ];
    }

    [Fact]
    public void ToUtf8Json_LargeResult_WritesEveryByteThroughPooledBuffers()
    {
        // Larger than the first pooled buffer many times over, with multi-byte characters crossing buffer ends.
        var rows = Enumerable.Range(0, 5000).Select(i => (object?)new Dictionary<string, object?> { ["i"] = i, ["s"] = $"ŵ{i}ŷ" }).ToList();
        var result = new ExecutionResult { HasData = true, Extensions = new Dictionary<string, object?> { ["rows"] = rows } };

        var first = result.ToUtf8Json();
        var second = result.ToUtf8Json();

        var expected = "{\"data\":null,\"extensions\":{\"rows\":["
            + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"{{\"i\":{i},\"s\":\"ŵ{i}ŷ\"}}")) + "]}}";
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(first));
        Assert.Equal(first, second);
    }

    [Fact]
    public void ToUtf8Json_CalledWhileWritingAnotherResult_DoesNotShareTheWriter()
    {
        var inner = new ExecutionResult { HasData = true };
        var outer = new ExecutionResult
        {
            HasData = true,
            Extensions = new Dictionary<string, object?> { ["nested"] = new WritesResult(inner), ["after"] = 1 },
        };

        Assert.Equal("{\"data\":null,\"extensions\":{\"nested\":\"{\\\"data\\\":null}\",\"after\":1}}", outer.ToJson());
    }

    /// <summary>A value whose text is another result's JSON: written while the outer result is being written.</summary>
    private sealed class WritesResult(ExecutionResult result)
    {
        public override string ToString() => result.ToJson();
    }

    [Fact]
    public void ResultWriter_PutsErrorsBeforeData()
    {
        var result = new ExecutionResult
        {
            HasData = true,
            Errors = [new GraphQLError("x") { Path = ["a", 0] }],
            Extensions = new Dictionary<string, object?> { ["cost"] = 3 },
        };
        Assert.Equal("{\"errors\":[{\"message\":\"x\",\"path\":[\"a\",0]}],\"data\":null,\"extensions\":{\"cost\":3}}", result.ToJson());
    }
}
