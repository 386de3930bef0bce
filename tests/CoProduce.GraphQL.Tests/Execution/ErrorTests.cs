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
