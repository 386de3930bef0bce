using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>
/// The outcome of coercing a value: the coerced value, or an error message (graphql-js wording, e.g.
/// <c>Int cannot represent non-integer value: "x"</c>). A value type so the happy path allocates nothing.
/// </summary>
public readonly struct CoercionResult
{
    private CoercionResult(object? value, string? error, GraphQLMessage? message)
    {
        Value = value;
        Error = error;
        ErrorMessage = message;
    }

    public object? Value { get; }

    public string? Error { get; }

    /// <summary>The error as a key and arguments when the engine worded it (built-in scalars and enums).</summary>
    public GraphQLMessage? ErrorMessage { get; }

    /// <summary>The error as a nested message argument: the engine's own, or the scalar's text verbatim.</summary>
    internal GraphQLMessage Reason => ErrorMessage ?? GraphQLMessages.Verbatim.With(Error ?? string.Empty);

    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsError => Error is not null;

    public static CoercionResult Ok(object? value) => new(value, null, null);

    public static CoercionResult Fail(string error) => new(null, error, null);

    internal static CoercionResult Fail(GraphQLMessage error) => new(null, error.ToString(), error);
}

/// <summary>
/// A scalar type. The built-ins live in <see cref="BuiltIns"/>; a scalar declared only in SDL passes values through
/// unchanged (as graphql-js does); derive from this class to give a custom scalar real coercion.
/// Null never reaches these methods: execution handles null before calling them.
/// </summary>
public class ScalarType(string name, string? description = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The URL from <c>@specifiedBy</c>, describing the scalar's behaviour.</summary>
    public string? SpecifiedByUrl { get; set => SetOnce(ref field, value); }

    /// <summary>Output coercion: a resolver's .NET value to the value written in the response.</summary>
    public virtual CoercionResult Serialize(object value) => CoercionResult.Ok(value);

    /// <summary>Input coercion of a variable value (as the transport decoded it, e.g. from JSON).</summary>
    public virtual CoercionResult ParseValue(object value) => CoercionResult.Ok(value);

    /// <summary>
    /// Input coercion of a literal in the document. <paramref name="variables"/> supplies values for variables nested
    /// inside list or object literals (only custom scalars can meet those).
    /// </summary>
    public virtual CoercionResult ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        CoercionResult.Ok(ValueFromAstUntyped(literal, variables));

    /// <summary>A literal as plain .NET values: lists, string-keyed dictionaries, strings, numbers, booleans.</summary>
    public static object? ValueFromAstUntyped(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        switch (literal)
        {
            case NullValueNode:
                return null;
            case IntValueNode i:
                // The smallest of int, long and double that holds the literal.
                if (int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
                {
                    return small;
                }

                return long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var large)
                    ? large
                    : double.Parse(i.Value, CultureInfo.InvariantCulture);
            case FloatValueNode f:
                return double.Parse(f.Value, CultureInfo.InvariantCulture);
            case StringValueNode s:
                return s.Value;
            case EnumValueNode e:
                return e.Value;
            case BooleanValueNode b:
                return b.Value;
            case ListValueNode list:
                var items = new List<object?>(list.Values.Count);
                foreach (var item in list.Values)
                {
                    items.Add(ValueFromAstUntyped(item, variables));
                }

                return items;
            case ObjectValueNode obj:
                var fields = new Dictionary<string, object?>(obj.Fields.Count, StringComparer.Ordinal);
                foreach (var objectField in obj.Fields)
                {
                    fields[objectField.Name.Value] = ValueFromAstUntyped(objectField.Value, variables);
                }

                return fields;
            case VariableNode v:
                return variables is not null && variables.TryGetValue(v.Name.Value, out var value) ? value : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(literal), literal.Kind, "Not a value node.");
        }
    }
}

/// <summary>A value of an enum type.</summary>
public sealed class EnumValue(string name, string? description = null)
{
    public string Name { get; } = name;

    public string? Description { get; init; } = description;

    /// <summary>The .NET value resolvers receive and return for this enum value; the name when nothing is bound.</summary>
    public object Value { get; init; } = name;

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public EnumValueDefinitionNode? AstNode { get; init; }

    public override string ToString() => Name;
}

/// <summary>An enum type.</summary>
public sealed class EnumType(string name, string? description = null) : NamedType(name, description)
{
    private readonly List<EnumValue> _values = [];
    private readonly Dictionary<string, EnumValue> _valuesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<object, EnumValue> _valuesByValue = [];

    public override TypeKind Kind => TypeKind.Enum;

    public IReadOnlyList<EnumValue> Values => _values;

    public EnumValue? GetValue(string name) => _valuesByName.TryGetValue(name, out var value) ? value : null;

    public void AddValue(EnumValue value)
    {
        ThrowIfFrozen();
        _values.Add(value);
        _valuesByName.TryAdd(value.Name, value);
        _valuesByValue.TryAdd(value.Value, value);
    }

    /// <summary>Output coercion: a .NET value (bound value, or the name as a string) to the enum value's name.</summary>
    public CoercionResult Serialize(object value)
    {
        if (_valuesByValue.TryGetValue(value, out var byValue))
        {
            return CoercionResult.Ok(byValue.Name);
        }

        if (value is string s && _valuesByName.ContainsKey(s))
        {
            return CoercionResult.Ok(s);
        }

        return CoercionResult.Fail(GraphQLMessages.EnumValue.With(Name, Inspect.Value(value)));
    }

    /// <summary>Input coercion of a variable value: must be a string naming a value.</summary>
    public CoercionResult ParseValue(object value)
    {
        if (value is not string s)
        {
            return CoercionResult.Fail(GraphQLMessages.EnumNonString.With(Name, Inspect.Value(value)));
        }

        return _valuesByName.TryGetValue(s, out var enumValue)
            ? CoercionResult.Ok(enumValue.Value)
            : CoercionResult.Fail(GraphQLMessages.EnumUnknownValue.With(s, Name));
    }

    /// <summary>Input coercion of a literal: must be an enum literal naming a value.</summary>
    public CoercionResult ParseLiteral(ValueNode literal)
    {
        if (literal is not EnumValueNode e)
        {
            return CoercionResult.Fail(GraphQLMessages.EnumNonEnum.With(Name, Printer.Print(literal)));
        }

        return _valuesByName.TryGetValue(e.Value, out var enumValue)
            ? CoercionResult.Ok(enumValue.Value)
            : CoercionResult.Fail(GraphQLMessages.EnumUnknownValue.With(e.Value, Name));
    }
}
