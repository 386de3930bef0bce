using System.Text.Json;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Tests.Execution;
using CoProduce.GraphQL.Types;
using static CoProduce.GraphQL.Tests.Execution.TestSchema;

namespace CoProduce.GraphQL.Tests.Introspection;

public sealed class IntrospectionTests
{
    /// <summary>graphql-js 16's <c>getIntrospectionQuery</c> with every option on.</summary>
    public const string FullQuery = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name kind }
            mutationType { name kind }
            subscriptionType { name kind }
            types { ...FullType }
            directives {
              name
              description
              isRepeatable
              locations
              args(includeDeprecated: true) { ...InputValue }
            }
          }
        }
        fragment FullType on __Type {
          kind
          name
          description
          specifiedByURL
          isOneOf
          fields(includeDeprecated: true) {
            name
            description
            args(includeDeprecated: true) { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields(includeDeprecated: true) { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
          isDeprecated
          deprecationReason
        }
        fragment TypeRef on __Type {
          kind name ofType { kind name ofType { kind name ofType { kind name ofType {
            kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    private readonly GraphQLExecutor _executor = TestSchema.Executor();

    private async Task<JsonElement> RunAsync(string query)
    {
        var result = await _executor.ExecuteAsync(query);
        Assert.Empty(result.Errors);
        return JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data");
    }

    private static JsonElement Type(JsonElement data, string name) =>
        data.GetProperty("__schema").GetProperty("types").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    [Fact]
    public async Task FullQuery_RunsWithinDefaultLimits()
    {
        var data = await RunAsync(FullQuery);
        var schema = data.GetProperty("__schema");
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Mutation", schema.GetProperty("mutationType").GetProperty("name").GetString());
        Assert.Equal("Subscription", schema.GetProperty("subscriptionType").GetProperty("name").GetString());
        var names = schema.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("__Schema", names);
        Assert.Contains("__DirectiveLocation", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task Scalar_SpecifiedByUrlAndDescription()
    {
        var dateTime = Type(await RunAsync(FullQuery), "DateTime");
        Assert.Equal("SCALAR", dateTime.GetProperty("kind").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc3339", dateTime.GetProperty("specifiedByURL").GetString());
        Assert.Equal("An instant, as RFC 3339 text.", dateTime.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, dateTime.GetProperty("fields").ValueKind);
    }

    [Fact]
    public async Task InputObject_IsOneOf()
    {
        var data = await RunAsync(FullQuery);
        Assert.True(Type(data, "PetBy").GetProperty("isOneOf").GetBoolean());
        Assert.False(Type(data, "PersonFilter").GetProperty("isOneOf").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Type(data, "Person").GetProperty("isOneOf").ValueKind);
    }

    [Fact]
    public async Task DefaultValues_PrintedAsGraphQLLiteralsWithNestedDefaults()
    {
        var data = await RunAsync(FullQuery);
        var query = Type(data, "Query");
        string? DefaultOf(string field, string argument) => query.GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == field).GetProperty("args").EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == argument).GetProperty("defaultValue").GetString();
        Assert.Equal("\"world\"", DefaultOf("hello", "name"));
        Assert.Equal("GREEN", DefaultOf("color", "c"));
        Assert.Equal("{inner: {name: \"x\", minAge: 0, color: RED}, list: [1, 2]}", DefaultOf("nested", "arg"));
        Assert.Null(DefaultOf("person", "id"));
        var nested = Type(data, "Nested").GetProperty("inputFields").EnumerateArray().ToList();
        Assert.Equal("{name: \"x\", minAge: 0, color: RED}", nested[0].GetProperty("defaultValue").GetString());
    }

    [Fact]
    public async Task Deprecations_FilteredUnlessIncludeDeprecated()
    {
        var data = await RunAsync("""
            {
              person: __type(name: "Person") { fields { name } all: fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
              color: __type(name: "Color") { enumValues { name } all: enumValues(includeDeprecated: true) { name deprecationReason } }
              filter: __type(name: "PersonFilter") { inputFields { name } all: inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } }
              query: __type(name: "Query") { fields { name args { name } all: args(includeDeprecated: true) { name isDeprecated deprecationReason } } }
            }
            """);
        Assert.DoesNotContain("oldName", data.GetProperty("person").GetProperty("fields").GetRawText());
        Assert.Contains("{\"name\":\"oldName\",\"isDeprecated\":true,\"deprecationReason\":\"No longer supported\"}",
            data.GetProperty("person").GetProperty("all").GetRawText());
        Assert.Equal("[{\"name\":\"RED\"},{\"name\":\"GREEN\"}]", data.GetProperty("color").GetProperty("enumValues").GetRawText());
        Assert.Contains("{\"name\":\"BLUE\",\"deprecationReason\":\"Use GREEN\"}", data.GetProperty("color").GetProperty("all").GetRawText());
        Assert.DoesNotContain("legacy", data.GetProperty("filter").GetProperty("inputFields").GetRawText());
        Assert.Contains("{\"name\":\"legacy\",\"isDeprecated\":true,\"deprecationReason\":\"gone\"}",
            data.GetProperty("filter").GetProperty("all").GetRawText());
        var echo = data.GetProperty("query").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "echo");
        Assert.DoesNotContain("old", echo.GetProperty("args").GetRawText());
        Assert.Contains("{\"name\":\"old\",\"isDeprecated\":true,\"deprecationReason\":\"no\"}", echo.GetProperty("all").GetRawText());
    }

    [Fact]
    public async Task Directives_ListBuiltInsAndCustomWithRepeatable()
    {
        var data = await RunAsync("{ __schema { directives { name isRepeatable locations args { name defaultValue } } } }");
        var directives = data.GetProperty("__schema").GetProperty("directives").EnumerateArray().ToList();
        var names = directives.Select(d => d.GetProperty("name").GetString()).ToList();
        // As graphql-js's buildASTSchema: declared directives, then the specified ones not redeclared.
        Assert.Equal(["cost", "listSize", "tag", "include", "skip", "deprecated", "specifiedBy", "oneOf"], names);
        var tag = directives.Single(d => d.GetProperty("name").GetString() == "tag");
        Assert.True(tag.GetProperty("isRepeatable").GetBoolean());
        Assert.Equal("[\"FIELD_DEFINITION\",\"OBJECT\"]", tag.GetProperty("locations").GetRawText());
        var deprecated = directives.Single(d => d.GetProperty("name").GetString() == "deprecated");
        Assert.Equal("[{\"name\":\"reason\",\"defaultValue\":\"\\u0022No longer supported\\u0022\"}]",
            deprecated.GetProperty("args").GetRawText().Replace("\\\"", "\\u0022"));
    }

    [Fact]
    public async Task Directives_DeprecatedDirectiveFilteredUnlessIncludeDeprecated()
    {
        var schema = new SchemaBuilder { AllowDirectivesOnDirectiveDefinitions = true }
            .AddSdl("""
                type Query { a: Int }
                directive @old(x: Int) @deprecated(reason: "Use @new") on FIELD
                directive @plain @deprecated on QUERY
                directive @new on FIELD
                """)
            .Build();
        var executor = new GraphQLExecutor(schema);

        var json = await executor.RunAsync("""
            {
              __schema {
                visible: directives { name }
                all: directives(includeDeprecated: true) { name isDeprecated deprecationReason }
              }
            }
            """);

        var data = JsonDocument.Parse(json).RootElement.GetProperty("data").GetProperty("__schema");
        var visible = data.GetProperty("visible").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Equal(["new", "include", "skip", "deprecated", "specifiedBy", "oneOf"], visible);
        var all = data.GetProperty("all").GetRawText();
        Assert.Contains("{\"name\":\"old\",\"isDeprecated\":true,\"deprecationReason\":\"Use @new\"}", all);
        Assert.Contains("{\"name\":\"plain\",\"isDeprecated\":true,\"deprecationReason\":\"No longer supported\"}", all);
        Assert.Contains("{\"name\":\"new\",\"isDeprecated\":false,\"deprecationReason\":null}", all);
    }

    [Fact]
    public async Task Directives_DeprecatedByExtension_LikeGraphQLJs1615()
    {
        var schema = new SchemaBuilder { AllowDirectivesOnDirectiveDefinitions = true }
            .AddSdl("""
                type Query { a: Int }
                directive @old on FIELD
                extend directive @old @deprecated(reason: "Use @new")
                directive @kept @deprecated(reason: "own reason") on FIELD
                extend directive @kept @tag
                directive @tag on DIRECTIVE_DEFINITION
                extend directive @skip @deprecated
                """)
            .Build();

        var json = await new GraphQLExecutor(schema).RunAsync(
            "{ __schema { directives(includeDeprecated: true) { name isDeprecated deprecationReason } } }");

        Assert.Contains("{\"name\":\"old\",\"isDeprecated\":true,\"deprecationReason\":\"Use @new\"}", json);
        Assert.Contains("{\"name\":\"kept\",\"isDeprecated\":true,\"deprecationReason\":\"own reason\"}", json);

        // graphql-js's buildASTSchema applies extensions only to directives the document defines.
        Assert.Contains("{\"name\":\"skip\",\"isDeprecated\":false,\"deprecationReason\":null}", json);
    }

    [Fact]
    public async Task Directives_FieldOrderAndArgumentsMatchGraphQLJs1615()
    {
        var data = await RunAsync("""
            {
              directive: __type(name: "__Directive") { fields { name } }
              schema: __type(name: "__Schema") { fields { name args { name defaultValue type { kind name ofType { name } } } } }
              location: __type(name: "__DirectiveLocation") { enumValues { name } }
              __schema { directives { name locations } }
            }
            """);
        Assert.Equal(
            "[{\"name\":\"name\"},{\"name\":\"description\"},{\"name\":\"isRepeatable\"},{\"name\":\"locations\"},"
            + "{\"name\":\"args\"},{\"name\":\"isDeprecated\"},{\"name\":\"deprecationReason\"}]",
            data.GetProperty("directive").GetProperty("fields").GetRawText());
        var directives = data.GetProperty("schema").GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "directives");
        Assert.Equal(
            "[{\"name\":\"includeDeprecated\",\"defaultValue\":\"false\",\"type\":{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"name\":\"Boolean\"}}}]",
            directives.GetProperty("args").GetRawText());
        Assert.Equal("DIRECTIVE_DEFINITION",
            data.GetProperty("location").GetProperty("enumValues").EnumerateArray().Last().GetProperty("name").GetString());
        var deprecated = data.GetProperty("__schema").GetProperty("directives").EnumerateArray()
            .Single(d => d.GetProperty("name").GetString() == "deprecated");
        Assert.Equal("[\"FIELD_DEFINITION\",\"ARGUMENT_DEFINITION\",\"INPUT_FIELD_DEFINITION\",\"ENUM_VALUE\",\"DIRECTIVE_DEFINITION\"]",
            deprecated.GetProperty("locations").GetRawText());
    }

    [Fact]
    public void SourceReader_ClearedWhenResolverReplaced_SoExecutionUsesTheNewResolver()
    {
        var field = new FieldDefinition("f", BuiltIns.String) { SourceReader = (_, _) => "reader" };

        field.Resolver = _ => new ValueTask<object?>("resolver");

        Assert.Null(field.SourceReader);
    }

    [Fact]
    public async Task Type_AbstractTypes_ListPossibleTypesAndInterfaces()
    {
        var data = await RunAsync("""
            {
              pet: __type(name: "Pet") { kind possibleTypes { name } }
              node: __type(name: "Node") { kind possibleTypes { name } }
              person: __type(name: "Person") { interfaces { name } }
              list: __type(name: "Query") { fields { name type { kind ofType { kind ofType { kind ofType { name } } } } } }
              missing: __type(name: "Nope") { name }
            }
            """);
        Assert.Equal("{\"kind\":\"UNION\",\"possibleTypes\":[{\"name\":\"Dog\"},{\"name\":\"Cat\"}]}", data.GetProperty("pet").GetRawText());
        Assert.Equal("{\"kind\":\"INTERFACE\",\"possibleTypes\":[{\"name\":\"Person\"},{\"name\":\"Dog\"},{\"name\":\"Cat\"}]}", data.GetProperty("node").GetRawText());
        Assert.Equal("{\"interfaces\":[{\"name\":\"Node\"},{\"name\":\"Named\"}]}", data.GetProperty("person").GetRawText());
        var people = data.GetProperty("list").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "people");
        Assert.Equal("{\"kind\":\"NON_NULL\",\"ofType\":{\"kind\":\"LIST\",\"ofType\":{\"kind\":\"NON_NULL\",\"ofType\":{\"name\":\"Person\"}}}}",
            people.GetProperty("type").GetRawText());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("missing").ValueKind);
    }

    [Fact]
    public async Task IntrospectionTypes_DescribeThemselves()
    {
        var data = await RunAsync("{ __type(name: \"__Type\") { name description fields { name } } }");
        var fields = data.GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString());
        Assert.Equal(["kind", "name", "description", "specifiedByURL", "fields", "interfaces", "possibleTypes", "enumValues",
            "inputFields", "ofType", "isOneOf"], fields);
    }

    [Fact]
    public async Task Disabled_SchemaAndTypeRejected_TypenameStillWorks()
    {
        var executor = TestSchema.Executor(new ExecutionOptions { EnableIntrospection = false });
        var rejected = await executor.ExecuteAsync("{ hello __type(name: \"Query\") { name } }");
        var error = Assert.Single(rejected.Errors);
        Assert.Equal("GraphQL introspection has been disabled, but the requested query contained the field \"__type\".", error.Message);
        Assert.Equal(ErrorCodes.IntrospectionDisabled, error.Extensions!["code"]);
        Assert.False(rejected.HasData);
        var viaFragment = await executor.ExecuteAsync("{ ...F } fragment F on Query { __schema { description } }");
        Assert.Equal(ErrorCodes.IntrospectionDisabled, Assert.Single(viaFragment.Errors).Extensions!["code"]);
        var typename = await executor.RunAsync("{ __typename }");
        Assert.Equal(Json("{'data':{'__typename':'Query'}}"), typename);
    }
}
