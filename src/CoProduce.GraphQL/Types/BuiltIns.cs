using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>The specified scalars and directives, shared by every schema (they are immutable).</summary>
public static class BuiltIns
{
    public static ScalarType Int { get; } = Frozen(new IntScalar { IsBuiltIn = true });

    public static ScalarType Float { get; } = Frozen(new FloatScalar { IsBuiltIn = true });

    public static ScalarType String { get; } = Frozen(new StringScalar { IsBuiltIn = true });

    public static ScalarType Boolean { get; } = Frozen(new BooleanScalar { IsBuiltIn = true });

    public static ScalarType ID { get; } = Frozen(new IdScalar { IsBuiltIn = true });

    /// <summary>The five specified scalars, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<ScalarType> Scalars { get; } = [String, Int, Float, Boolean, ID];

    /// <summary>The default <c>@deprecated</c> reason.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    public static DirectiveDefinition Include { get; } = new(
        "include",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        [new InputValueDefinition("if", new NonNullType(Boolean), "Included when true.")],
        description: "Directs the executor to include this field or fragment only when the `if` argument is true.")
    { IsBuiltIn = true };

    public static DirectiveDefinition Skip { get; } = new(
        "skip",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        [new InputValueDefinition("if", new NonNullType(Boolean), "Skipped when true.")],
        description: "Directs the executor to skip this field or fragment when the `if` argument is true.")
    { IsBuiltIn = true };

    public static DirectiveDefinition Deprecated { get; } = new(
        "deprecated",
        [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition,
            DirectiveLocation.EnumValue, DirectiveLocation.DirectiveDefinition],
        [
            new InputValueDefinition("reason", String,
                "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).")
            {
                DefaultValue = new StringValueNode(DefaultDeprecationReason),
            },
        ],
        description: "Marks an element of a GraphQL schema as no longer supported.")
    { IsBuiltIn = true };

    public static DirectiveDefinition SpecifiedBy { get; } = new(
        "specifiedBy",
        [DirectiveLocation.Scalar],
        [new InputValueDefinition("url", new NonNullType(String), "The URL that specifies the behavior of this scalar.")],
        description: "Exposes a URL that specifies the behavior of this scalar.")
    { IsBuiltIn = true };

    public static DirectiveDefinition OneOf { get; } = new(
        "oneOf",
        [DirectiveLocation.InputObject],
        description: "Indicates exactly one field must be supplied and this field must not be `null`.")
    { IsBuiltIn = true };

    /// <summary>The specified directives, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<DirectiveDefinition> Directives { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    /// <summary>
    /// <c>__typename: String!</c>, valid on every object, interface and union. Execution answers it itself (its
    /// resolver is null on purpose).
    /// </summary>
    public static FieldDefinition TypeNameMetaField { get; } = new("__typename", new NonNullType(String))
    {
        Description = "The name of the current Object type at runtime.",
        IsShared = true,
    };

    public static bool IsBuiltInScalarName(string name) =>
        name is "String" or "Int" or "Float" or "Boolean" or "ID";

    public static ScalarType? GetScalar(string name) => name switch
    {
        "String" => String,
        "Int" => Int,
        "Float" => Float,
        "Boolean" => Boolean,
        "ID" => ID,
        _ => null,
    };

    private static T Frozen<T>(T type)
        where T : NamedType
    {
        type.Freeze();
        return type;
    }
}
