namespace CoProduce.GraphQL.Language;

/// <summary>The kind of a syntax node; mirrors graphql-js's <c>Kind</c>.</summary>
public enum SyntaxKind : byte
{
    Name,
    Document,
    OperationDefinition,
    VariableDefinition,
    SelectionSet,
    Field,
    Argument,
    FragmentSpread,
    InlineFragment,
    FragmentDefinition,
    Variable,
    IntValue,
    FloatValue,
    StringValue,
    BooleanValue,
    NullValue,
    EnumValue,
    ListValue,
    ObjectValue,
    ObjectField,
    Directive,
    NamedType,
    ListType,
    NonNullType,
    SchemaDefinition,
    OperationTypeDefinition,
    ScalarTypeDefinition,
    ObjectTypeDefinition,
    FieldDefinition,
    InputValueDefinition,
    InterfaceTypeDefinition,
    UnionTypeDefinition,
    EnumTypeDefinition,
    EnumValueDefinition,
    InputObjectTypeDefinition,
    DirectiveDefinition,
    SchemaExtension,
    ScalarTypeExtension,
    ObjectTypeExtension,
    InterfaceTypeExtension,
    UnionTypeExtension,
    EnumTypeExtension,
    InputObjectTypeExtension,

    // Not in the September 2025 spec: graphql-js 16.15's `extend directive @name @deprecated`.
    DirectiveExtension,
}

/// <summary>The three kinds of operation.</summary>
public enum OperationType : byte
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>Where a directive may appear (spec 3.13). Names match the spec's <c>DirectiveLocation</c> enum.</summary>
public enum DirectiveLocation : byte
{
    // Executable locations.
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,

    // Type system locations.
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,

    // Not in the September 2025 spec: graphql-js 16.15 lets @deprecated mark a directive definition.
    DirectiveDefinition,
}

/// <summary>Conversions between the enums above and their spec spellings.</summary>
public static class LanguageNames
{
    private static readonly string[] s_directiveLocationNames =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
        "DIRECTIVE_DEFINITION",
    ];

    /// <summary>The spec spelling, e.g. <c>FIELD_DEFINITION</c>.</summary>
    public static string ToSpecName(this DirectiveLocation location) => s_directiveLocationNames[(int)location];

    /// <summary>The keyword, e.g. <c>query</c>.</summary>
    public static string ToKeyword(this OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    /// <summary>Parses a spec spelling such as <c>FIELD</c>; false when it names no location.</summary>
    public static bool TryParseDirectiveLocation(string name, out DirectiveLocation location)
    {
        var index = Array.IndexOf(s_directiveLocationNames, name);
        location = (DirectiveLocation)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>True for locations in executable documents, false for type system locations.</summary>
    public static bool IsExecutable(this DirectiveLocation location) => location <= DirectiveLocation.VariableDefinition;
}
