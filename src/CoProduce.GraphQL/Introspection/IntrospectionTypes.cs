using System.Runtime.CompilerServices;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;
using EnumValueModel = CoProduce.GraphQL.Types.EnumValue;
using SchemaModel = CoProduce.GraphQL.Types.Schema;

namespace CoProduce.GraphQL.Introspection;

/// <summary>
/// The introspection types (spec 4.2, September 2025 edition; graphql-js 16.15 field order and descriptions, including
/// its directive deprecation beyond the spec: <c>__Directive.isDeprecated</c>/<c>deprecationReason</c>,
/// <c>__Schema.directives(includeDeprecated:)</c> and <c>DIRECTIVE_DEFINITION</c>):
/// <c>__Schema</c>, <c>__Type</c>, <c>__Field</c>, <c>__InputValue</c>, <c>__EnumValue</c>, <c>__Directive</c>,
/// <c>__TypeKind</c>, <c>__DirectiveLocation</c>, and the <c>__schema</c>/<c>__type</c> meta-fields.
/// They are shared by every schema; their resolvers read the type system objects directly.
/// </summary>
public static class IntrospectionTypes
{
    static IntrospectionTypes()
    {
        TypeKind = BuildTypeKind();
        DirectiveLocation = BuildDirectiveLocation();
        Schema = new ObjectType("__Schema",
            "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.")
        { IsBuiltIn = true };
        Type = new ObjectType("__Type",
            "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.")
        { IsBuiltIn = true };
        Field = new ObjectType("__Field",
            "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.")
        { IsBuiltIn = true };
        InputValue = new ObjectType("__InputValue",
            "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.")
        { IsBuiltIn = true };
        EnumValue = new ObjectType("__EnumValue",
            "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.")
        { IsBuiltIn = true };
        Directive = new ObjectType("__Directive",
            "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.")
        { IsBuiltIn = true };

        var typeRef = new NonNullType(Type);
        var typeList = new ListType(new NonNullType(Type));

        // __Schema
        Schema.AddField(Resolve(new FieldDefinition("description", BuiltIns.String), s => ((SchemaModel)s).Description));
        Schema.AddField(Resolve(new FieldDefinition("types", new NonNullType(typeList))
        {
            Description = "A list of all types supported by this server.",
        }, s => ((SchemaModel)s).Types));
        Schema.AddField(Resolve(new FieldDefinition("queryType", typeRef)
        {
            Description = "The type that query operations will be rooted at.",
        }, s => ((SchemaModel)s).QueryType));
        Schema.AddField(Resolve(new FieldDefinition("mutationType", Type)
        {
            Description = "If this server supports mutation, the type that mutation operations will be rooted at.",
        }, s => ((SchemaModel)s).MutationType));
        Schema.AddField(Resolve(new FieldDefinition("subscriptionType", Type)
        {
            Description = "If this server support subscription, the type that subscription operations will be rooted at.",
        }, s => ((SchemaModel)s).SubscriptionType));
        // includeDeprecated here is Boolean! (graphql-js 16.15), unlike the nullable one on the other lists.
        Schema.AddField(ResolveWithDeprecated(new FieldDefinition("directives",
            new NonNullType(new ListType(new NonNullType(Directive))),
            [new InputValueDefinition("includeDeprecated", new NonNullType(BuiltIns.Boolean))
            {
                DefaultValue = new BooleanValueNode(false),
            }])
        {
            Description = "A list of all directives supported by this server.",
        }, (s, all) => Listed(s, all, static s => ((SchemaModel)s).Directives.Where(d => !d.IsDeprecated).ToArray(),
            static s => ((SchemaModel)s).Directives)));

        // __Type
        Type.AddField(Resolve(new FieldDefinition("kind", new NonNullType(TypeKind)),
            t => ((GraphQLType)t).Kind switch
            {
                Types.TypeKind.Scalar => "SCALAR",
                Types.TypeKind.Object => "OBJECT",
                Types.TypeKind.Interface => "INTERFACE",
                Types.TypeKind.Union => "UNION",
                Types.TypeKind.Enum => "ENUM",
                Types.TypeKind.InputObject => "INPUT_OBJECT",
                Types.TypeKind.List => "LIST",
                _ => "NON_NULL",
            }));
        Type.AddField(Resolve(new FieldDefinition("name", BuiltIns.String), t => (t as NamedType)?.Name));
        Type.AddField(Resolve(new FieldDefinition("description", BuiltIns.String), t => (t as NamedType)?.Description));
        Type.AddField(Resolve(new FieldDefinition("specifiedByURL", BuiltIns.String), t => (t as ScalarType)?.SpecifiedByUrl));
        Type.AddField(ResolveWithDeprecated(new FieldDefinition("fields", new ListType(new NonNullType(Field)),
            [IncludeDeprecated()]), (t, all) => t is ComplexType complex
                ? Listed(complex, all, static t => ((ComplexType)t).Fields.Where(f => !f.IsDeprecated).ToArray(),
                    static t => ((ComplexType)t).Fields)
                : null));
        Type.AddField(Resolve(new FieldDefinition("interfaces", typeList), t => (t as ComplexType)?.Interfaces));
        Type.AddField(new FieldDefinition("possibleTypes", typeList)
        {
            Resolver = context => new ValueTask<object?>(context.Source is NamedType named && named.IsAbstractType()
                ? context.Schema.GetPossibleTypes(named)
                : null),
        });
        Type.AddField(ResolveWithDeprecated(new FieldDefinition("enumValues", new ListType(new NonNullType(EnumValue)),
            [IncludeDeprecated()]), (t, all) => t is EnumType enumType
                ? Listed(enumType, all, static t => ((EnumType)t).Values.Where(v => !v.IsDeprecated).ToArray(),
                    static t => ((EnumType)t).Values)
                : null));
        Type.AddField(ResolveWithDeprecated(new FieldDefinition("inputFields",
            new ListType(new NonNullType(InputValue)), [IncludeDeprecated()]), (t, all) => t is InputObjectType input
                ? Listed(input, all, static t => ((InputObjectType)t).Fields.Where(f => !f.IsDeprecated).ToArray(),
                    static t => ((InputObjectType)t).Fields)
                : null));
        Type.AddField(Resolve(new FieldDefinition("ofType", Type), t => t switch
        {
            ListType list => list.OfType,
            NonNullType nonNull => nonNull.OfType,
            _ => null,
        }));
        Type.AddField(Resolve(new FieldDefinition("isOneOf", BuiltIns.Boolean),
            t => t is InputObjectType input ? Box(input.IsOneOf) : null));

        // __Field
        Field.AddField(Resolve(new FieldDefinition("name", new NonNullType(BuiltIns.String)), f => ((FieldDefinition)f).Name));
        Field.AddField(Resolve(new FieldDefinition("description", BuiltIns.String), f => ((FieldDefinition)f).Description));
        Field.AddField(ResolveWithDeprecated(new FieldDefinition("args",
            new NonNullType(new ListType(new NonNullType(InputValue))), [IncludeDeprecated()]),
            (f, all) => Listed(f, all, static f => ((FieldDefinition)f).Arguments.Where(a => !a.IsDeprecated).ToArray(),
                static f => ((FieldDefinition)f).Arguments)));
        Field.AddField(Resolve(new FieldDefinition("type", typeRef), f => ((FieldDefinition)f).Type));
        Field.AddField(Resolve(new FieldDefinition("isDeprecated", new NonNullType(BuiltIns.Boolean)),
            f => Box(((FieldDefinition)f).IsDeprecated)));
        Field.AddField(Resolve(new FieldDefinition("deprecationReason", BuiltIns.String),
            f => ((FieldDefinition)f).DeprecationReason));

        // __InputValue
        InputValue.AddField(Resolve(new FieldDefinition("name", new NonNullType(BuiltIns.String)),
            v => ((InputValueDefinition)v).Name));
        InputValue.AddField(Resolve(new FieldDefinition("description", BuiltIns.String),
            v => ((InputValueDefinition)v).Description));
        InputValue.AddField(Resolve(new FieldDefinition("type", typeRef), v => ((InputValueDefinition)v).Type));
        InputValue.AddField(Resolve(new FieldDefinition("defaultValue", BuiltIns.String)
        {
            Description = "A GraphQL-formatted string representing the default value for this input value.",
        }, v => s_defaultValues.GetValue(v, static v => new StrongBox<string?>(DefaultValuePrinter.Print((InputValueDefinition)v))).Value));
        InputValue.AddField(Resolve(new FieldDefinition("isDeprecated", new NonNullType(BuiltIns.Boolean)),
            v => Box(((InputValueDefinition)v).IsDeprecated)));
        InputValue.AddField(Resolve(new FieldDefinition("deprecationReason", BuiltIns.String),
            v => ((InputValueDefinition)v).DeprecationReason));

        // __EnumValue
        EnumValue.AddField(Resolve(new FieldDefinition("name", new NonNullType(BuiltIns.String)),
            v => ((EnumValueModel)v).Name));
        EnumValue.AddField(Resolve(new FieldDefinition("description", BuiltIns.String),
            v => ((EnumValueModel)v).Description));
        EnumValue.AddField(Resolve(new FieldDefinition("isDeprecated", new NonNullType(BuiltIns.Boolean)),
            v => Box(((EnumValueModel)v).IsDeprecated)));
        EnumValue.AddField(Resolve(new FieldDefinition("deprecationReason", BuiltIns.String),
            v => ((EnumValueModel)v).DeprecationReason));

        // __Directive
        Directive.AddField(Resolve(new FieldDefinition("name", new NonNullType(BuiltIns.String)),
            d => ((DirectiveDefinition)d).Name));
        Directive.AddField(Resolve(new FieldDefinition("description", BuiltIns.String),
            d => ((DirectiveDefinition)d).Description));
        Directive.AddField(Resolve(new FieldDefinition("isRepeatable", new NonNullType(BuiltIns.Boolean)),
            d => Box(((DirectiveDefinition)d).IsRepeatable)));
        Directive.AddField(Resolve(new FieldDefinition("locations",
            new NonNullType(new ListType(new NonNullType(DirectiveLocation)))),
            d => s_locations.GetValue(d, static d => ((DirectiveDefinition)d).Locations.Select(l => l.ToSpecName()).ToArray())));
        Directive.AddField(ResolveWithDeprecated(new FieldDefinition("args",
            new NonNullType(new ListType(new NonNullType(InputValue))), [IncludeDeprecated()]),
            (d, all) => Listed(d, all, static d => ((DirectiveDefinition)d).Arguments.Where(a => !a.IsDeprecated).ToArray(),
                static d => ((DirectiveDefinition)d).Arguments)));
        Directive.AddField(Resolve(new FieldDefinition("isDeprecated", new NonNullType(BuiltIns.Boolean)),
            d => Box(((DirectiveDefinition)d).IsDeprecated)));
        Directive.AddField(Resolve(new FieldDefinition("deprecationReason", BuiltIns.String),
            d => ((DirectiveDefinition)d).DeprecationReason));

        SchemaMetaField = new FieldDefinition("__schema", new NonNullType(Schema))
        {
            Description = "Access the current type schema of this server.",
            Resolver = context => new ValueTask<object?>(context.Schema),
        };
        TypeMetaField = new FieldDefinition("__type", Type,
            [new InputValueDefinition("name", new NonNullType(BuiltIns.String))])
        {
            Description = "Request the type information of a single type.",
            Resolver = context => new ValueTask<object?>(
                context.Arguments.TryGetValue("name", out var name) && name is string s ? context.Schema.GetType(s) : null),
        };
    }

    public static ObjectType Schema { get; }

    public static ObjectType Type { get; }

    public static ObjectType Field { get; }

    public static ObjectType InputValue { get; }

    public static ObjectType EnumValue { get; }

    public static ObjectType Directive { get; }

    public static EnumType TypeKind { get; }

    public static EnumType DirectiveLocation { get; }

    /// <summary><c>__schema: __Schema!</c> on the query root.</summary>
    public static FieldDefinition SchemaMetaField { get; }

    /// <summary><c>__type(name: String!): __Type</c> on the query root.</summary>
    public static FieldDefinition TypeMetaField { get; }

    /// <summary>True for the names of introspection types (<c>__</c> prefix).</summary>
    public static bool IsIntrospectionTypeName(string name) => name.StartsWith("__", StringComparison.Ordinal);

    // A built schema and its types are immutable, so what introspection derives from them (lists without the
    // deprecated members, printed default values, location names) is computed once per type-system object and shared
    // by every request. Weak tables: the entries go with the schema.
    private static readonly ConditionalWeakTable<object, object> s_withoutDeprecated = new();
    private static readonly ConditionalWeakTable<object, StrongBox<string?>> s_defaultValues = new();
    private static readonly ConditionalWeakTable<object, string[]> s_locations = new();
    private static readonly object s_true = true;
    private static readonly object s_false = false;

    private static object Box(bool value) => value ? s_true : s_false;

    /// <summary>All members, or (computed once per owner) those not deprecated.</summary>
    private static object Listed(object owner, bool includeDeprecated, Func<object, object> withoutDeprecated,
        Func<object, object> all)
    {
        if (includeDeprecated)
        {
            return all(owner);
        }

        if (s_withoutDeprecated.TryGetValue(owner, out var cached))
        {
            return cached;
        }

        var list = withoutDeprecated(owner);
        return s_withoutDeprecated.TryAdd(owner, list) ? list : s_withoutDeprecated.TryGetValue(owner, out cached) ? cached : list;
    }

    private static InputValueDefinition IncludeDeprecated() =>
        new("includeDeprecated", BuiltIns.Boolean) { DefaultValue = new BooleanValueNode(false) };

    private static FieldDefinition Resolve(FieldDefinition field, Func<object, object?> read)
    {
        field.Resolver = context => new ValueTask<object?>(context.Source is { } source ? read(source) : null);
        field.SourceReader = (source, _) => read(source);
        return field;
    }

    private static FieldDefinition ResolveWithDeprecated(FieldDefinition field, Func<object, bool, object?> read)
    {
        field.Resolver = context => new ValueTask<object?>(
            context.Source is { } source ? read(source, IncludesDeprecated(context.Arguments)) : null);
        field.SourceReader = (source, arguments) => read(source, IncludesDeprecated(arguments));
        return field;
    }

    private static bool IncludesDeprecated(IReadOnlyDictionary<string, object?> arguments) =>
        arguments.TryGetValue("includeDeprecated", out var flag) && flag is true;

    private static EnumType BuildTypeKind()
    {
        var kind = new EnumType("__TypeKind", "An enum describing what kind of type a given `__Type` is.") { IsBuiltIn = true };
        kind.AddValue(new EnumValueModel("SCALAR", "Indicates this type is a scalar."));
        kind.AddValue(new EnumValueModel("OBJECT",
            "Indicates this type is an object. `fields` and `interfaces` are valid fields."));
        kind.AddValue(new EnumValueModel("INTERFACE",
            "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."));
        kind.AddValue(new EnumValueModel("UNION", "Indicates this type is a union. `possibleTypes` is a valid field."));
        kind.AddValue(new EnumValueModel("ENUM", "Indicates this type is an enum. `enumValues` is a valid field."));
        kind.AddValue(new EnumValueModel("INPUT_OBJECT",
            "Indicates this type is an input object. `inputFields` is a valid field."));
        kind.AddValue(new EnumValueModel("LIST", "Indicates this type is a list. `ofType` is a valid field."));
        kind.AddValue(new EnumValueModel("NON_NULL", "Indicates this type is a non-null. `ofType` is a valid field."));
        return kind;
    }

    private static EnumType BuildDirectiveLocation()
    {
        var location = new EnumType("__DirectiveLocation",
            "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.")
        { IsBuiltIn = true };
        (string Name, string Description)[] values =
        [
            ("QUERY", "Location adjacent to a query operation."),
            ("MUTATION", "Location adjacent to a mutation operation."),
            ("SUBSCRIPTION", "Location adjacent to a subscription operation."),
            ("FIELD", "Location adjacent to a field."),
            ("FRAGMENT_DEFINITION", "Location adjacent to a fragment definition."),
            ("FRAGMENT_SPREAD", "Location adjacent to a fragment spread."),
            ("INLINE_FRAGMENT", "Location adjacent to an inline fragment."),
            ("VARIABLE_DEFINITION", "Location adjacent to a variable definition."),
            ("SCHEMA", "Location adjacent to a schema definition."),
            ("SCALAR", "Location adjacent to a scalar definition."),
            ("OBJECT", "Location adjacent to an object type definition."),
            ("FIELD_DEFINITION", "Location adjacent to a field definition."),
            ("ARGUMENT_DEFINITION", "Location adjacent to an argument definition."),
            ("INTERFACE", "Location adjacent to an interface definition."),
            ("UNION", "Location adjacent to a union definition."),
            ("ENUM", "Location adjacent to an enum definition."),
            ("ENUM_VALUE", "Location adjacent to an enum value definition."),
            ("INPUT_OBJECT", "Location adjacent to an input object type definition."),
            ("INPUT_FIELD_DEFINITION", "Location adjacent to an input object field definition."),
            ("DIRECTIVE_DEFINITION", "Location adjacent to a directive definition."),
        ];
        foreach (var (name, description) in values)
        {
            location.AddValue(new EnumValueModel(name, description));
        }

        return location;
    }
}
