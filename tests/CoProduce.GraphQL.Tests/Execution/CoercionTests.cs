using static CoProduce.GraphQL.Tests.Execution.TestSchema;

namespace CoProduce.GraphQL.Tests.Execution;

public sealed class CoercionTests
{
    private readonly GraphQLExecutor _executor = TestSchema.Executor();

    [Fact]
    public async Task Variables_Valid_AreCoercedWithDefaults()
    {
        var json = await _executor.RunAsync(
            "query($f: PersonFilter, $c: Color = BLUE, $l: [Int!]) { echo(filter: $f, color: $c, list: $l) }",
            """{"f":{"name":"A","tags":"solo"},"l":3}""");
        Assert.Equal(Json("{'data':{'echo':'{\\u0022filter\\u0022:{\\u0022name\\u0022:\\u0022A\\u0022,\\u0022minAge\\u0022:0,\\u0022color\\u0022:\\u0022RED\\u0022,\\u0022tags\\u0022:[\\u0022solo\\u0022]},\\u0022color\\u0022:\\u0022BLUE\\u0022,\\u0022list\\u0022:[3]}'}}"), json);
    }

    [Fact]
    public async Task Variables_WrongScalar_GraphQLJsMessage()
    {
        var json = await _executor.RunAsync("query($id: ID!) { person(id: $id) { id } }", """{"id":true}""");
        Assert.Equal(Json("{'errors':[{'message':'Variable \\u0022$id\\u0022 got invalid value true; ID cannot represent value: true','locations':[{'line':1,'column':7}],'extensions':{'code':'BAD_USER_INPUT'}}]}"), json);
    }

    [Fact]
    public async Task Variables_MissingRequired_GraphQLJsMessage()
    {
        var json = await _executor.RunAsync("query($id: ID!) { person(id: $id) { id } }");
        Assert.Equal(Json("{'errors':[{'message':'Variable \\u0022$id\\u0022 of required type \\u0022ID!\\u0022 was not provided.','locations':[{'line':1,'column':7}]}]}"), json);
    }

    [Fact]
    public async Task Variables_NullForNonNull_GraphQLJsMessage()
    {
        var json = await _executor.RunAsync("query($id: ID!) { person(id: $id) { id } }", """{"id":null}""");
        Assert.Contains("Variable \\\"$id\\\" of non-null type \\\"ID!\\\" must not be null.", json);
    }

    [Fact]
    public async Task Variables_NestedInvalidValue_ReportsPathInsideValue()
    {
        var json = await _executor.RunAsync("query($f: PersonFilter) { echo(filter: $f) }", """{"f":{"minAge":"old","tags":["a",null]}}""");
        Assert.Contains("Variable \\\"$f\\\" got invalid value \\\"old\\\" at \\\"f.minAge\\\"; Int cannot represent non-integer value: \\\"old\\\"", json);
        Assert.Contains("Variable \\\"$f\\\" got invalid value null at \\\"f.tags[1]\\\"; Expected non-nullable type \\\"String!\\\" not to be null.", json);
    }

    [Fact]
    public async Task Variables_UnknownInputField_SuggestsNames()
    {
        var json = await _executor.RunAsync("query($f: PersonFilter) { echo(filter: $f) }", """{"f":{"nam":"x"}}""");
        Assert.Contains("Field \\\"nam\\\" is not defined by type \\\"PersonFilter\\\". Did you mean \\\"name\\\"?", json);
    }

    [Fact]
    public async Task Variables_UnknownEnumValue_SuggestsNames()
    {
        var json = await _executor.RunAsync("query($c: Color) { echo(color: $c) }", """{"c":"REDD"}""");
        Assert.Contains("Value \\\"REDD\\\" does not exist in \\\"Color\\\" enum. Did you mean the enum value \\\"RED\\\"?", json);
    }

    [Fact]
    public async Task Variables_OneOf_RequiresExactlyOneNonNullField()
    {
        var ok = await _executor.RunAsync("query($p: PetBy) { echo(pet: $p) }", """{"p":{"id":"1"}}""");
        Assert.Contains("pet", ok);
        Assert.DoesNotContain("errors", ok);
        var two = await _executor.RunAsync("query($p: PetBy) { echo(pet: $p) }", """{"p":{"id":"1","name":"x"}}""");
        Assert.Contains("Exactly one key must be specified for OneOf type \\\"PetBy\\\".", two);
        var nullField = await _executor.RunAsync("query($p: PetBy) { echo(pet: $p) }", """{"p":{"id":null}}""");
        Assert.Contains("Variable \\\"$p\\\" got invalid value null at \\\"p.id\\\"; Field \\\"id\\\" must be non-null.", nullField);
    }

    [Fact]
    public async Task Arguments_Literals_CoercedWithInputObjectDefaults()
    {
        var json = await _executor.RunAsync("{ echo(filter: {name: \"B\", tags: \"t\"}, color: GREEN, list: [1, 2]) }");
        Assert.Contains("\\\"filter\\\":{\\\"name\\\":\\\"B\\\",\\\"minAge\\\":0,\\\"color\\\":\\\"RED\\\",\\\"tags\\\":[\\\"t\\\"]}", json);
        Assert.Contains("\\\"list\\\":[1,2]", json);
    }

    [Fact]
    public async Task Arguments_DefaultValueWithNestedDefaults_IsCoerced()
    {
        var json = await _executor.RunAsync("{ nested }");
        Assert.Equal(Json("{'data':{'nested':'{\\u0022arg\\u0022:{\\u0022inner\\u0022:{\\u0022name\\u0022:\\u0022x\\u0022,\\u0022minAge\\u0022:0,\\u0022color\\u0022:\\u0022RED\\u0022},\\u0022list\\u0022:[1,2]}}'}}"), json);
    }

    [Fact]
    public async Task Arguments_MissingVariableForRequiredArgument_FieldError()
    {
        // Without validation in front, execution itself must report the problem on the field.
        var json = await TestSchema.UnvalidatedExecutor().RunAsync("query($id: ID) { person(id: $id) { id } }");
        Assert.Contains("Argument \\\"id\\\" of required type \\\"ID!\\\" was provided the variable \\\"$id\\\" which was not provided a runtime value.", json);
        Assert.Contains("\"path\":[\"person\"]", json);
    }

    [Fact]
    public async Task Arguments_InvalidLiteral_FieldError()
    {
        var json = await TestSchema.UnvalidatedExecutor().RunAsync("{ person(id: 1.5) { id } }");
        Assert.Contains("Argument \\\"id\\\" has invalid value 1.5.", json);
    }

    [Fact]
    public async Task Arguments_OneOfLiteralWithTwoFields_Invalid()
    {
        var json = await TestSchema.UnvalidatedExecutor().RunAsync("{ echo(pet: {id: \"1\", name: \"x\"}) }");
        Assert.Contains("Argument \\\"pet\\\" has invalid value {id: \\\"1\\\", name: \\\"x\\\"}.", json);
    }

    [Fact]
    public async Task Variables_FromJsonElementDictionary_AreAccepted()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"id":"2"}""");
        var variables = new Dictionary<string, object?> { ["id"] = document.RootElement.GetProperty("id") };
        var json = await _executor.RunAsync("query($id: ID!) { person(id: $id) { name } }", variables);
        Assert.Equal(Json("{'data':{'person':{'name':'Grace'}}}"), json);
    }

    [Fact]
    public async Task Variables_IntFromFloatJson_Rejected()
    {
        var json = await _executor.RunAsync("query($ms: Int!) { slow(ms: $ms) }", """{"ms":1.5}""");
        Assert.Contains("Variable \\\"$ms\\\" got invalid value 1.5; Int cannot represent non-integer value: 1.5", json);
    }
}
