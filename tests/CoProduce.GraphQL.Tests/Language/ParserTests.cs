using System.Text;
using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Tests.Language;

public sealed class ParserTests
{
    private static GraphQLSyntaxError ParseError(string source, ParserOptions? options = null) =>
        Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(source, options));

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("{ ...MissingOn }\nfragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\".", 2, 20)]
    [InlineData("{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Syntax Error: Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3)]
    [InlineData("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }", "Syntax Error: Unexpected variable \"$var\" in constant value.", 1, 37)]
    [InlineData("query Foo($x: Int = $) { field }", "Syntax Error: Unexpected \"$\".", 1, 21)]
    [InlineData("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("query { a(x: ) }", "Syntax Error: Unexpected \")\".", 1, 14)]
    [InlineData("query Q($a Int) { a }", "Syntax Error: Expected \":\", found Name \"Int\".", 1, 12)]
    [InlineData("query Q { a } }", "Syntax Error: Unexpected \"}\".", 1, 15)]
    [InlineData("{ a(b: [1, 2) }", "Syntax Error: Unexpected \")\".", 1, 13)]
    [InlineData("type Hello { }", "Syntax Error: Expected Name, found \"}\".", 1, 14)]
    [InlineData("type Hello { world }", "Syntax Error: Expected \":\", found \"}\".", 1, 20)]
    [InlineData("type Hello { world(foo: Number) }", "Syntax Error: Expected \":\", found \"}\".", 1, 33)]
    [InlineData("extend type Hello", "Syntax Error: Unexpected <EOF>.", 1, 18)]
    [InlineData("extend scalar Hello", "Syntax Error: Unexpected <EOF>.", 1, 20)]
    [InlineData("extend schema", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend foo Bar", "Syntax Error: Unexpected Name \"foo\".", 1, 8)]
    [InlineData("union Hello = | | Wo | Rld", "Syntax Error: Expected Name, found \"|\".", 1, 17)]
    [InlineData("union Hello = Wo | Rld |", "Syntax Error: Expected Name, found <EOF>.", 1, 25)]
    [InlineData("enum Hello { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 14)]
    [InlineData("enum Hello { null }", "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.", 1, 14)]
    [InlineData("directive @foo on FIELD | INCORRECT_LOCATION", "Syntax Error: Unexpected Name \"INCORRECT_LOCATION\".", 1, 27)]
    [InlineData("directive @foo(a: Int) FIELD", "Syntax Error: Expected \"on\", found Name \"FIELD\".", 1, 24)]
    [InlineData("input Hello { world(foo: Int): String }", "Syntax Error: Expected \":\", found \"(\".", 1, 20)]
    [InlineData("\"desc\" extend type Foo { a: Int }", "Syntax Error: Unexpected description, descriptions are supported only on type definitions.", 1, 1)]
    [InlineData("\"desc\" { a }", "Syntax Error: Unexpected \"{\".", 1, 8)]
    [InlineData("schema { query: Query, query: Query2 } schema", "Syntax Error: Expected \"{\", found <EOF>.", 1, 46)]
    [InlineData("query @dir(a: 1, b: $) { a }", "Syntax Error: Expected Name, found \")\".", 1, 22)]
    public void Parse_InvalidDocument_ReportsGraphQLJsMessageAndLocation(string source, string message, int line, int column)
    {
        var error = ParseError(source);

        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_DirectivesOnDirectiveDefinition_OnlyWhenAllowedLikeGraphQLJs1615()
    {
        const string source = "directive @old(a: Int) @deprecated(reason: \"x\") repeatable on FIELD | DIRECTIVE_DEFINITION";

        var error = ParseError(source);
        Assert.Equal("Syntax Error: Expected \"on\", found \"@\".", error.Message);

        var document = Parser.Parse(source, new ParserOptions { AllowDirectivesOnDirectiveDefinitions = true });
        var definition = Assert.IsType<DirectiveDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal("deprecated", Assert.Single(definition.Directives).Name.Value);
        Assert.True(definition.Repeatable);
        Assert.Equal(["FIELD", "DIRECTIVE_DEFINITION"], definition.Locations.Select(l => l.Value));
        Assert.Equal(source, Printer.Print(document));
    }

    [Fact]
    public void Parse_DirectiveExtension_OnlyWhenAllowedLikeGraphQLJs1615()
    {
        const string source = "extend directive @old @deprecated(reason: \"Use @new\") @tag";

        Assert.Equal("Syntax Error: Unexpected Name \"directive\".", ParseError(source).Message);

        var allowed = new ParserOptions { AllowDirectivesOnDirectiveDefinitions = true };
        var document = Parser.Parse(source, allowed);
        var extension = Assert.IsType<DirectiveExtensionNode>(Assert.Single(document.Definitions));
        Assert.Equal("old", extension.Name.Value);
        Assert.Equal(["deprecated", "tag"], extension.Directives.Select(d => d.Name.Value));
        Assert.Equal(new Location(0, source.Length, 1, 1), extension.Location);
        Assert.Equal(source, Printer.Print(document));

        // As graphql-js: an extension must apply at least one directive, and only constant arguments.
        var empty = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse("extend directive @old", allowed));
        Assert.Equal("Syntax Error: Unexpected <EOF>.", empty.Message);
        var variable = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse("extend directive @old @tag(a: $v)", allowed));
        Assert.Equal("Syntax Error: Unexpected variable \"$v\" in constant value.", variable.Message);
    }

    [Fact]
    public void Parse_Field_HasNodeLocationsLikeGraphQLJs()
    {
        var document = Parser.Parse("{\n  node(id: 4) {\n    id,\n    name\n  }\n}\n");

        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        var field = Assert.IsType<FieldNode>(operation.SelectionSet.Selections[0]);
        Assert.Equal(new Location(0, 41, 1, 1), document.Location);
        Assert.Equal(new Location(0, 40, 1, 1), operation.Location);
        Assert.Equal(new Location(4, 38, 2, 3), field.Location);
        Assert.Equal(new Location(4, 8, 2, 3), field.Name.Location);
        Assert.Equal(new Location(9, 14, 2, 8), field.Arguments[0].Location);
        Assert.Equal(new Location(13, 14, 2, 12), field.Arguments[0].Value.Location);
        Assert.Equal(new Location(16, 38, 2, 15), field.SelectionSet!.Location);
    }

    [Fact]
    public void Parse_Operation_ReadsEveryPart()
    {
        var document = Parser.Parse("query Q($a: [Int!]! = [1] @v, $b: In = {x: 1.5, y: \"s\", z: E, w: null, t: true}) @op { alias: f(a: $a) @skip(if: false) { ... on T { g } ...Frag } }");

        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal((OperationType.Query, "Q"), (operation.Operation, operation.Name?.Value));
        Assert.Equal("[Int!]!", Printer.Print(operation.VariableDefinitions[0].Type));
        Assert.Equal("[1]", Printer.Print(operation.VariableDefinitions[0].DefaultValue!));
        Assert.Equal("v", operation.VariableDefinitions[0].Directives[0].Name.Value);
        var objectValue = Assert.IsType<ObjectValueNode>(operation.VariableDefinitions[1].DefaultValue);
        Assert.Equal(
            [typeof(FloatValueNode), typeof(StringValueNode), typeof(EnumValueNode), typeof(NullValueNode), typeof(BooleanValueNode)],
            objectValue.Fields.Select(f => f.Value.GetType()));
        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal(("alias", "f", "alias"), (field.Alias?.Value, field.Name.Value, field.ResponseKey));
        Assert.IsType<VariableNode>(field.Arguments[0].Value);
        Assert.IsType<InlineFragmentNode>(field.SelectionSet!.Selections[0]);
        Assert.Equal("Frag", Assert.IsType<FragmentSpreadNode>(field.SelectionSet.Selections[1]).Name.Value);
    }

    [Fact]
    public void Parse_KeywordsAsNames_AreAllowed()
    {
        var source = "query on { on: fragment(query: true, on: null) ... on on { type } ...query }\nfragment query on subscription { mutation }";

        var document = Parser.Parse(source);

        Assert.Equal(2, document.Definitions.Count);
    }

    [Fact]
    public void Parse_ExecutableDescriptions_AcceptedPerSeptember2025Spec()
    {
        var document = Parser.Parse("\"op\" query Q(\"var\" $a: Int) { a }\n\"\"\"frag\"\"\" fragment F on T { a }");

        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal("op", operation.Description?.Value);
        Assert.Equal("var", operation.VariableDefinitions[0].Description?.Value);
        Assert.Equal("frag", Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]).Description?.Value);
    }

    [Fact]
    public void Parse_ExecutableDescriptionsDisabled_RejectsThemLikeGraphQLJs16()
    {
        var error = ParseError("\"op\" query Q { a }", ParserOptions.Default with { AllowExecutableDescriptions = false });

        Assert.Equal("Syntax Error: Unexpected description, descriptions are supported only on type definitions.", error.Message);
    }

    [Theory]
    [InlineData("", "{a", "}")]
    [InlineData("{ a(x: ", "[", "]) }")]
    [InlineData("{ a(x: ", "{a: ", "}) }")]
    [InlineData("query ($a: ", "[", "Int]) { a }")]
    [InlineData("type T { f: ", "[", "Int] }")]
    public void Parse_HundredThousandLevelsOfNesting_FailsWithSyntaxErrorNotStackOverflow(string prefix, string opener, string suffix)
    {
        var source = prefix + string.Concat(Enumerable.Repeat(opener, 100_000)) + suffix;

        var error = ParseError(source);

        Assert.Equal($"Syntax Error: Document exceeds the maximum nesting depth of {ParserOptions.Default.MaxDepth}. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Parse_NestingLimitRaisedToInfinity_StackProbeStillStopsIt()
    {
        var source = string.Concat(Enumerable.Repeat("{a", 100_000)) + "}";
        var options = ParserOptions.Default with { MaxDepth = int.MaxValue, MaxTokens = int.MaxValue };

        // Run on a thread with a small stack so the probe, not the depth limit, has to act.
        GraphQLSyntaxError? error = null;
        var thread = new Thread(() => error = Record.Exception(() => Parser.Parse(source, options)) as GraphQLSyntaxError, 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(error);
        Assert.Contains("maximum nesting depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingWithinLimit_Succeeds()
    {
        var depth = ParserOptions.Default.MaxDepth;
        var source = string.Concat(Enumerable.Repeat("{a", depth)) + new string('}', depth);

        var document = Parser.Parse(source);

        Assert.Single(document.Definitions);
    }

    [Fact]
    public void Parse_MoreTokensThanAllowed_Aborts()
    {
        var options = ParserOptions.Default with { MaxTokens = 3 };

        Assert.Single(Parser.Parse("{ foo }", options).Definitions);
        var error = ParseError("{ foo(bar: 1) }", options);
        Assert.Equal("Syntax Error: Document contains more than 3 tokens. Parsing aborted.", error.Message);
        Assert.Equal((1, 7), (error.Line, error.Column));
        Assert.Equal(3, Parser.Parse("{ foo }").TokenCount);
    }

    [Fact]
    public void Parse_DocumentLargerThanAllowed_IsRefusedBeforeParsing()
    {
        var options = ParserOptions.Default with { MaxDocumentBytes = 10 };

        var error = ParseError("{ aaaaaaaaaaaaa }", options);
        Assert.Equal("Syntax Error: Document is larger than the maximum of 10 bytes.", error.Message);
        Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(Encoding.UTF8.GetBytes("{ ééééé }"), options));
    }

    [Fact]
    public void TryParse_BadDocument_ReturnsError()
    {
        var document = Parser.TryParse("{"u8, out var error);

        Assert.Null(document);
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", error?.Message);
        Assert.Equal([new SourceLocation(1, 2)], error?.ToGraphQLError().Locations);
    }

    [Theory]
    [InlineData("null", typeof(NullValueNode))]
    [InlineData("[123 \"abc\"]", typeof(ListValueNode))]
    [InlineData("{a: $v}", typeof(ObjectValueNode))]
    [InlineData("\"\"\"block\"\"\"", typeof(StringValueNode))]
    public void ParseValue_Literal_ReturnsNode(string source, Type nodeType)
    {
        Assert.IsType(nodeType, Parser.ParseValue(source));
    }

    [Fact]
    public void ParseValue_ConstantWithVariable_IsRejected()
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseValue("{a: $v}", constant: true));

        Assert.Equal("Syntax Error: Unexpected variable \"$v\" in constant value.", error.Message);
    }

    [Fact]
    public void ParseValue_TrailingTokens_AreRejected()
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseValue("1 2"));

        Assert.Equal("Syntax Error: Expected <EOF>, found Int \"2\".", error.Message);
    }

    [Theory]
    [InlineData("String")]
    [InlineData("[String]")]
    [InlineData("String!")]
    [InlineData("[String!]!")]
    [InlineData("[[Int]!]")]
    public void ParseType_Reference_RoundTrips(string source)
    {
        Assert.Equal(source, Printer.Print(Parser.ParseType(source)));
    }

    [Fact]
    public void ParseType_DoubleBang_IsRejected()
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseType("String!!"));

        Assert.Equal("Syntax Error: Expected <EOF>, found \"!\".", error.Message);
    }
}
