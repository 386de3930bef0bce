using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Tests.Types;

public sealed class SchemaBuilderTests
{
    private const string StarWars = """
        "The Star Wars schema"
        schema {
          query: Query
          mutation: Mutation
          subscription: Subscription
        }

        type Query {
          hero(episode: Episode = JEDI): Character
          human(id: ID!): Human
          search(text: String!): [SearchResult!]!
          count: Int!
        }

        type Mutation {
          createReview(episode: Episode!, review: ReviewInput!): Review
        }

        type Subscription {
          reviewAdded(episode: Episode): Review
        }

        enum Episode {
          NEWHOPE
          EMPIRE
          JEDI @deprecated(reason: "Use RETURN_OF_THE_JEDI")
        }

        interface Node {
          id: ID!
        }

        interface Character implements Node {
          id: ID!
          name: String!
          friends: [Character]
        }

        type Human implements Character & Node {
          id: ID!
          name: String!
          friends: [Character]
          height(unit: LengthUnit = METER): Float
          homePlanet: String @deprecated
        }

        type Droid implements Character & Node {
          id: ID!
          name: String!
          friends: [Character]
          primaryFunction: String
        }

        enum LengthUnit { METER FOOT }

        union SearchResult = Human | Droid

        input ReviewInput {
          stars: Int!
          commentary: String
        }

        input ReviewTarget @oneOf {
          episode: Episode
          characterId: ID
        }

        "An ISO-8601 date"
        scalar Date @specifiedBy(url: "https://example.com/date")

        type Review {
          stars: Int!
          commentary: String
          on: Date
        }

        directive @cost(weight: Int!) repeatable on FIELD_DEFINITION | OBJECT

        extend type Droid {
          model: String @cost(weight: 1) @cost(weight: 2)
        }

        extend union SearchResult = Starship

        type Starship {
          id: ID!
          name: String!
        }
        """;

    [Fact]
    public void FromSdl_StarWars_BuildsEveryKindOfType()
    {
        var schema = SchemaBuilder.FromSdl(StarWars);

        Assert.Equal("Query", schema.QueryType?.Name);
        Assert.Equal("Mutation", schema.MutationType?.Name);
        Assert.Equal("Subscription", schema.SubscriptionType?.Name);
        Assert.Equal("The Star Wars schema", schema.Description);

        var human = schema.GetType<ObjectType>("Human");
        Assert.NotNull(human);
        Assert.Equal(["Character", "Node"], human.Interfaces.Select(i => i.Name));
        Assert.Equal("No longer supported", human.GetField("homePlanet")?.DeprecationReason);
        Assert.Equal("METER", Printer.Print(human.GetField("height")!.GetArgument("unit")!.DefaultValue!));

        var episode = schema.GetType<EnumType>("Episode")!;
        Assert.Equal("Use RETURN_OF_THE_JEDI", episode.GetValue("JEDI")?.DeprecationReason);
        Assert.True(schema.GetType<InputObjectType>("ReviewTarget")!.IsOneOf);
        Assert.Equal("https://example.com/date", schema.GetType<ScalarType>("Date")!.SpecifiedByUrl);
        Assert.Equal("An ISO-8601 date", schema.GetType("Date")!.Description);
        Assert.Equal(["Human", "Droid", "Starship"], schema.GetType<UnionType>("SearchResult")!.Types.Select(t => t.Name));
        Assert.Equal("model", schema.GetType<ObjectType>("Droid")!.Fields[^1].Name);
        Assert.True(schema.GetDirective("cost")!.IsRepeatable);
        Assert.Equal(["cost", "include", "skip", "deprecated", "specifiedBy", "oneOf"], schema.Directives.Select(d => d.Name));
    }

    [Fact]
    public void FromSdl_StarWars_AnswersTypeRelations()
    {
        var schema = SchemaBuilder.FromSdl(StarWars);
        var character = schema.GetType<InterfaceType>("Character")!;
        var node = schema.GetType<InterfaceType>("Node")!;
        var human = schema.GetType<ObjectType>("Human")!;
        var starship = schema.GetType<ObjectType>("Starship")!;
        var search = schema.GetType<UnionType>("SearchResult")!;

        Assert.Equal(["Human", "Droid"], schema.GetPossibleTypes(character).Select(t => t.Name));
        Assert.True(schema.IsPossibleType(node, human));
        Assert.True(schema.IsSubType(node, character));
        Assert.False(schema.IsSubType(character, node));
        Assert.True(schema.DoTypesOverlap(character, search));
        Assert.False(schema.DoTypesOverlap(character, starship));
        Assert.True(schema.IsTypeSubTypeOf(new NonNullType(human), character));
        Assert.False(schema.IsTypeSubTypeOf(new ListType(human), character));
        Assert.True(schema.IsTypeSubTypeOf(new NonNullType(new ListType(new NonNullType(BuiltIns.Int))), new ListType(BuiltIns.Int)));
        Assert.Same(BuiltIns.TypeNameMetaField, schema.GetField(search, "__typename"));
        Assert.Equal("[SearchResult!]!", schema.TypeFromAst(Parser.ParseType("[SearchResult!]!"))?.ToString());
        Assert.Null(schema.TypeFromAst(Parser.ParseType("Nope")));
    }

    [Fact]
    public void FromSdl_TypeMap_FollowsGraphQLJsOrder()
    {
        var schema = SchemaBuilder.FromSdl("""
            type Query { b: B a: A }
            type A { s: String }
            type B { i: Int }
            """);

        // graphql-js seeds its set with the defined types, then removes and re-collects each in turn, so a type's
        // references come right after it unless they were already seeded: Boolean comes last, from @include.
        // The introspection types follow, in the order graphql-js reaches them from __Schema.
        Assert.Equal(
            ["Query", "A", "String", "B", "Int", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue",
                "__EnumValue", "__Directive", "__DirectiveLocation"],
            schema.Types.Select(t => t.Name));
    }

    [Fact]
    public void FromSdl_DefinitionNamedLikeSpecifiedScalar_MeansTheSpecifiedScalar()
    {
        var schema = SchemaBuilder.FromSdl("scalar String type Int { a: Int } type Query { a: String b: Int }");

        Assert.Same(BuiltIns.String, schema.GetType("String"));
        Assert.Same(BuiltIns.Int, schema.GetType("Int"));
    }

    [Fact]
    public void FromSdl_NoSchemaDefinition_UsesConventionalRootNames()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Int } type Mutation { b: Int }");

        Assert.Equal(("Query", "Mutation"), (schema.QueryType?.Name, schema.MutationType?.Name));
        Assert.Null(schema.SubscriptionType);
        Assert.Null(schema.GetRootType(OperationType.Subscription));
    }

    [Fact]
    public void Build_SeveralSdlPieces_ExtendAcrossThem()
    {
        var schema = new SchemaBuilder()
            .AddSdl("type Query { a: Int }")
            .AddSdl("extend type Query { b: Feature } type Feature { on: Boolean }")
            .Build();

        Assert.Equal(["a", "b"], schema.QueryType!.Fields.Select(f => f.Name));
        Assert.Single(schema.QueryType.ExtensionAstNodes);
    }

    [Fact]
    public void Schema_BuiltInCode_WorksWithoutSdl()
    {
        var query = new ObjectType("Query");
        var node = new InterfaceType("Node");
        node.AddField(new FieldDefinition("id", new NonNullType(BuiltIns.ID)));
        var user = new ObjectType("User");
        user.AddInterface(node);
        user.AddField(new FieldDefinition("id", new NonNullType(BuiltIns.ID)));
        query.AddField(new FieldDefinition("node", node, [new InputValueDefinition("id", new NonNullType(BuiltIns.ID))]));

        var schema = new Schema(query, types: [user]);

        Assert.Empty(schema.Validate());
        Assert.Equal(["User"], schema.GetPossibleTypes(node).Select(t => t.Name));
        Assert.Same(user, schema.GetType("User"));
    }
}
