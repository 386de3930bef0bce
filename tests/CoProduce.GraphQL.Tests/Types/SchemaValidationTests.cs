using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Tests.Types;

/// <summary>One valid and one invalid schema per SDL rule and type system validation rule (spec section 3).</summary>
public sealed class SchemaValidationTests
{
    private static List<string> Errors(string sdl)
    {
        try
        {
            SchemaBuilder.FromSdl(sdl);
            return [];
        }
        catch (SchemaException exception)
        {
            return [.. exception.Errors.Select(e => e.Message)];
        }
    }

    private static void AssertValid(string sdl) => Assert.Empty(Errors(sdl));

    private static void AssertError(string sdl, string expected) => Assert.Contains(expected, Errors(sdl));

    [Fact]
    public void Build_LoneSchemaDefinition()
    {
        AssertValid("schema { query: Q } type Q { a: Int }");
        AssertError("schema { query: Q } schema { query: Q } type Q { a: Int }", "Must provide only one schema definition.");
    }

    [Fact]
    public void Build_UniqueTypeNames()
    {
        AssertValid("type Query { a: Int } type Other { a: Int }");
        AssertError("type Query { a: Int } type Query { b: Int }", "There can be only one type named \"Query\".");
    }

    [Fact]
    public void Build_UniqueDirectiveNames()
    {
        AssertValid("directive @a on FIELD directive @b on FIELD type Query { a: Int }");
        AssertError("directive @a on FIELD directive @a on QUERY type Query { a: Int }", "There can be only one directive named \"@a\".");
    }

    [Fact]
    public void Build_KnownTypeNames()
    {
        AssertValid("type Query { a: [String!] b(x: ID): Float }");
        AssertError("type Query { a: [Strin!] }", "Unknown type \"Strin\".");
    }

    [Fact]
    public void Build_KnownDirectives()
    {
        AssertValid("type Query { a: Int @deprecated(reason: \"x\") }");
        AssertError("type Query { a: Int @unknown }", "Unknown directive \"@unknown\".");
    }

    [Fact]
    public void Build_DirectivesInAllowedLocations()
    {
        AssertValid("directive @o on OBJECT type Query @o { a: Int }");
        AssertError("type Query @deprecated { a: Int }", "Directive \"@deprecated\" may not be used on OBJECT.");
    }

    [Fact]
    public void Build_DirectivesOnDirectiveDefinitions_CheckedForLocation()
    {
        static List<string> ErrorsWithDirectiveDirectives(string sdl)
        {
            try
            {
                new SchemaBuilder { AllowDirectivesOnDirectiveDefinitions = true }.AddSdl(sdl).Build();
                return [];
            }
            catch (SchemaException exception)
            {
                return [.. exception.Errors.Select(e => e.Message)];
            }
        }

        Assert.Empty(ErrorsWithDirectiveDirectives("type Query { a: Int } directive @d @deprecated on FIELD"));
        Assert.Empty(ErrorsWithDirectiveDirectives(
            "type Query { a: Int } directive @tag on DIRECTIVE_DEFINITION directive @d @tag on FIELD"));
        Assert.Contains("Directive \"@o\" may not be used on DIRECTIVE_DEFINITION.",
            ErrorsWithDirectiveDirectives("type Query @o { a: Int } directive @o on OBJECT directive @d @o on FIELD"));
        Assert.Contains("Unknown directive \"@nope\".",
            ErrorsWithDirectiveDirectives("type Query { a: Int } directive @d @nope on FIELD"));

        // Extensions (graphql-js 16.15): checked with their definition, so a directive is used once across both.
        Assert.Contains("The directive \"@deprecated\" can only be used once at this location.",
            ErrorsWithDirectiveDirectives("type Query { a: Int } directive @d @deprecated on FIELD extend directive @d @deprecated"));
        Assert.Contains("Directive \"@o\" may not be used on DIRECTIVE_DEFINITION.",
            ErrorsWithDirectiveDirectives("type Query @o { a: Int } directive @o on OBJECT directive @d on FIELD extend directive @d @o"));
        Assert.Contains("Unknown directive \"@nope\".",
            ErrorsWithDirectiveDirectives("type Query { a: Int } extend directive @include @nope"));
    }

    [Fact]
    public void Build_UniqueDirectivesPerLocation()
    {
        AssertValid("directive @r repeatable on FIELD_DEFINITION type Query { a: Int @r @r }");
        AssertError("directive @r on FIELD_DEFINITION type Query { a: Int @r @r }", "The directive \"@r\" can only be used once at this location.");
        AssertError("directive @o on OBJECT type Query @o { a: Int } extend type Query @o", "The directive \"@o\" can only be used once at this location.");
    }

    [Fact]
    public void Build_DirectiveArguments()
    {
        AssertValid("scalar D @specifiedBy(url: \"https://d\") type Query { a: D }");
        AssertError("scalar D @specifiedBy type Query { a: D }", "Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was not provided.");
        AssertError("type Query { a: Int @deprecated(why: \"x\") }", "Unknown argument \"why\" on directive \"@deprecated\".");
    }

    [Fact]
    public void Build_UniqueMemberNames()
    {
        AssertValid("type Query { a(x: Int, y: Int): Int } enum E { A B } input I { a: Int b: Int }");
        AssertError("type Query { a: Int a: String }", "Field \"Query.a\" can only be defined once.");
        AssertError("type Query { a: Int } extend type Query { a: Int }", "Field \"Query.a\" can only be defined once.");
        AssertError("type Query { a(x: Int, x: Int): Int }", "Argument \"Query.a(x:)\" can only be defined once.");
        AssertError("type Query { a: E } enum E { A A }", "Enum value \"E.A\" can only be defined once.");
        AssertError("type Query { a(i: I): Int } input I { a: Int a: Int }", "Field \"I.a\" can only be defined once.");
    }

    [Fact]
    public void Build_PossibleTypeExtensions()
    {
        AssertValid("type Query { a: Int } extend type Query { b: Int }");
        AssertError("type Query { a: Int } extend type Nope { b: Int }", "Cannot extend type \"Nope\" because it is not defined.");
        AssertError("type Query { a: Int } enum E { A } extend type E { b: Int }", "Cannot extend non-object type \"E\".");
    }

    [Fact]
    public void Build_UniqueOperationTypes()
    {
        AssertValid("schema { query: Q mutation: M } type Q { a: Int } type M { a: Int }");
        AssertError("schema { query: Q query: Q } type Q { a: Int }", "There can be only one query type in schema.");
    }

    [Fact]
    public void Build_RootTypesAreObjectTypes()
    {
        AssertValid("schema { query: Q } type Q { a: Int }");
        AssertError("schema { query: Q } input Q { a: Int }", "Query root type must be Object type, it cannot be Q.");
        AssertError("schema { query: Q mutation: S } type Q { a: Int } scalar S", "Mutation root type must be Object type if provided, it cannot be S.");
    }

    [Fact]
    public void Build_OperationsInSdl_AreRejected()
    {
        AssertError("type Query { a: Int } { a }", "A schema document cannot contain operations or fragments.");
    }

    [Fact]
    public void Validate_QueryRootTypeProvided()
    {
        AssertValid("type Query { a: Int }");
        AssertError("type Mutation { a: Int }", "Query root type must be provided.");
    }

    [Fact]
    public void Validate_RootTypesDistinct()
    {
        AssertValid("schema { query: Q mutation: M } type Q { a: Int } type M { a: Int }");
        AssertError("schema { query: Q mutation: Q subscription: Q } type Q { a: Int }",
            "All root types must be different, \"Q\" type is used as query, mutation, and subscription root types.");
        AssertError("schema { query: Q subscription: Q } type Q { a: Int }",
            "All root types must be different, \"Q\" type is used as query and subscription root types.");
    }

    [Fact]
    public void Validate_ReservedNames()
    {
        AssertValid("type Query { a_b(c_d: Int): E } enum E { V_1 }");
        AssertError("type Query { a: __T } type __T { a: Int }", "Name \"__T\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        AssertError("type Query { __a: Int }", "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        AssertError("type Query { a(__b: Int): Int }", "Name \"__b\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        AssertError("type Query { a: E } enum E { __V }", "Name \"__V\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        AssertError("directive @__d on FIELD type Query { a: Int }", "Name \"__d\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    }

    [Fact]
    public void Validate_ObjectTypesHaveFields()
    {
        AssertValid("type Query { a: Int }");
        AssertError("type Query", "Type Query must define one or more fields.");
    }

    [Fact]
    public void Validate_FieldAndArgumentTypes()
    {
        AssertValid("type Query { a(i: I, e: E, s: [String!]): O } input I { a: Int } enum E { A } type O { a: Int }");
        AssertError("type Query { a: I } input I { a: Int }", "The type of Query.a must be Output Type but got: I.");
        AssertError("type Query { a(o: O): Int } type O { a: Int }", "The type of Query.a(o:) must be Input Type but got: O.");
        AssertError("type Query { a(o: [O!]): Int } type O { a: Int }", "The type of Query.a(o:) must be Input Type but got: [O!].");
    }

    [Fact]
    public void Validate_RequiredArgumentsNotDeprecated()
    {
        AssertValid("type Query { a(x: Int! = 1 @deprecated, y: Int @deprecated): Int }");
        AssertError("type Query { a(x: Int! @deprecated): Int }", "Required argument Query.a(x:) cannot be deprecated.");
        AssertError("directive @d(x: Int! @deprecated) on FIELD type Query { a: Int }", "Required argument @d(x:) cannot be deprecated.");
    }

    [Fact]
    public void Validate_InterfaceFieldsProvided()
    {
        AssertValid("type Query { a: I } interface I { a: Int } type O implements I { a: Int b: Int }");
        AssertError("type Query { a: I } interface I { a: Int b: Int } type O implements I { a: Int }",
            "Interface field I.b expected but O does not provide it.");
    }

    [Fact]
    public void Validate_InterfaceFieldTypesCovariant()
    {
        AssertValid("type Query { a: I } interface I { a: I b: [Int] } type O implements I { a: O! b: [Int!]! }");
        AssertError("type Query { a: I } interface I { a: Int } type O implements I { a: String }",
            "Interface field I.a expects type Int but O.a is type String.");
        AssertError("type Query { a: I } interface I { a: Int! } type O implements I { a: Int }",
            "Interface field I.a expects type Int! but O.a is type Int.");
    }

    [Fact]
    public void Validate_InterfaceArguments()
    {
        AssertValid("type Query { a: I } interface I { a(x: Int): Int } type O implements I { a(x: Int, y: String): Int }");
        AssertError("type Query { a: I } interface I { a(x: Int): Int } type O implements I { a: Int }",
            "Interface field argument I.a(x:) expected but O.a does not provide it.");
        AssertError("type Query { a: I } interface I { a(x: Int): Int } type O implements I { a(x: Int!): Int }",
            "Interface field argument I.a(x:) expects type Int but O.a(x:) is type Int!.");
        AssertError("type Query { a: I } interface I { a: Int } type O implements I { a(y: String!): Int }",
            "Argument \"O.a(y:)\" must not be required type \"String!\" if not provided by the Interface field \"I.a\".");
    }

    [Fact]
    public void Validate_TransitiveInterfaces()
    {
        AssertValid("type Query { a: B } interface A { a: Int } interface B implements A { a: Int } type O implements B & A { a: Int }");
        AssertError("type Query { a: B } interface A { a: Int } interface B implements A { a: Int } type O implements B { a: Int }",
            "Type O must implement A because it is implemented by B.");
    }

    [Fact]
    public void Validate_NoSelfOrRepeatedImplementation()
    {
        AssertValid("type Query { a: A } interface A { a: Int } type O implements A { a: Int }");
        AssertError("type Query { a: A } interface A implements A { a: Int }",
            "Type A cannot implement itself because it would create a circular reference.");
        AssertError("type Query { a: A } interface A { a: Int } type O implements A & A { a: Int }", "Type O can only implement A once.");
        AssertError("type Query { a: A } interface A implements B { a: Int } interface B implements A { a: Int }",
            "Type A cannot implement B because it would create a circular reference.");
    }

    [Fact]
    public void Validate_ImplementsOnlyInterfaces()
    {
        AssertError("type Query { a: O } type P { a: Int } type O implements P { a: Int }",
            "Type O must only implement Interface types, it cannot implement P.");
    }

    [Fact]
    public void Validate_UnionMembers()
    {
        AssertValid("type Query { a: U } union U = A | B type A { a: Int } type B { a: Int }");
        AssertError("type Query { a: U } union U", "Union type U must define one or more member types.");
        AssertError("type Query { a: U } union U = A | A type A { a: Int }", "Union type U can only include type A once.");
        AssertError("type Query { a: U } union U = A | I type A { a: Int } interface I { a: Int }",
            "Union type U can only include Object types, it cannot include I.");
    }

    [Fact]
    public void Validate_EnumValues()
    {
        AssertValid("type Query { a: E } enum E { A }");
        AssertError("type Query { a: E } enum E", "Enum type E must define one or more values.");
    }

    [Fact]
    public void Validate_InputFields()
    {
        AssertValid("type Query { a(i: I): Int } input I { a: Int! b: [I] c: Int = 1 @deprecated }");
        AssertError("type Query { a(i: I): Int } input I", "Input Object type I must define one or more fields.");
        AssertError("type Query { a(i: I): Int } input I { o: O } type O { a: Int }", "The type of I.o must be Input Type but got: O.");
        AssertError("type Query { a(i: I): Int } input I { a: Int! @deprecated }", "Required input field I.a cannot be deprecated.");
    }

    [Fact]
    public void Validate_OneOfFields()
    {
        AssertValid("type Query { a(i: I): Int } input I @oneOf { a: Int b: String }");
        AssertError("type Query { a(i: I): Int } input I @oneOf { a: Int! b: String }", "OneOf input field I.a must be nullable.");
        AssertError("type Query { a(i: I): Int } input I @oneOf { a: Int = 1 b: String }", "OneOf input field I.a cannot have a default value.");
    }

    [Fact]
    public void Validate_InputObjectNonNullCycles()
    {
        AssertValid("type Query { a(i: A): Int } input A { b: B! } input B { a: A c: [A!]! }");
        AssertError("type Query { a(i: A): Int } input A { b: B! } input B { a: A! }",
            "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\".");
        AssertError("type Query { a(i: A): Int } input A { self: A! }",
            "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"self\".");
    }

    [Fact]
    public void Validate_DirectiveArgumentTypes()
    {
        AssertValid("directive @d(a: Int, i: I) on FIELD input I { a: Int } type Query { a: Int }");
        AssertError("directive @d(o: O) on FIELD type O { a: Int } type Query { a: O }", "The type of @d(o:) must be Input Type but got: O.");
    }

    [Fact]
    public void Validate_Error_CarriesLocations()
    {
        var exception = Assert.Throws<SchemaException>(() =>
            SchemaBuilder.FromSdl("type Query { a: I }\ninterface I { a: Int }\ntype O implements I { a: String }"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal([new SourceLocation(2, 18), new SourceLocation(3, 26)], error.Locations);
        Assert.Contains("(2:18, 3:26)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManyProblems_AreAllReported()
    {
        var errors = Errors("type Query { a: Nope b: AlsoNope } enum E union U");

        Assert.Equal(["Unknown type \"Nope\".", "Unknown type \"AlsoNope\"."], errors);
        // Empty enum, union and input object, plus the input object used as an output type.
        Assert.Equal(4, Errors("type Query { a: E b: U c: I } enum E union U input I").Count);
    }

    [Fact]
    public void Build_AssumeValid_SkipsTypeValidation()
    {
        var schema = new SchemaBuilder { AssumeValid = true }.AddSdl("type Query { a: E } enum E").Build();

        Assert.Single(schema.Validate());
    }
}
