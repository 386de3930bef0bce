using System.Collections;
using System.Globalization;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Introspection;

/// <summary>
/// Prints default values for <c>__InputValue.defaultValue</c> as graphql-js does: the literal is coerced to its
/// internal value (filling in nested input field defaults), turned back into a literal (<c>astFromValue</c>) and printed.
/// </summary>
public static class DefaultValuePrinter
{
    public static string? Print(InputValueDefinition definition)
    {
        if (definition.DefaultValue is not { } literal)
        {
            return null;
        }

        var value = ValueCoercion.GetDefaultValue(definition);
        var ast = AstFromValue(value, definition.Type) ?? literal;
        return Printer.Print(ast);
    }

    /// <summary>A literal for an internal value of an input type (graphql-js's <c>astFromValue</c>); null when it has none.</summary>
    public static ValueNode? AstFromValue(object? value, GraphQLType type)
    {
        if (type is NonNullType nonNull)
        {
            var inner = AstFromValue(value, nonNull.OfType);
            return inner is NullValueNode ? null : inner;
        }

        if (value is null)
        {
            return new NullValueNode();
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string and not IDictionary<string, object?>)
                {
                    var nodes = new List<ValueNode>();
                    foreach (var item in items)
                    {
                        if (AstFromValue(item, list.OfType) is { } node)
                        {
                            nodes.Add(node);
                        }
                    }

                    return new ListValueNode(nodes);
                }

                return AstFromValue(value, list.OfType);

            case InputObjectType inputObject:
                IReadOnlyDictionary<string, object?>? fields = value switch
                {
                    IReadOnlyDictionary<string, object?> d => d,
                    IDictionary<string, object?> d => d.AsReadOnly(),
                    _ => null,
                };
                if (fields is null)
                {
                    return null;
                }

                var fieldNodes = new List<ObjectFieldNode>();
                foreach (var field in inputObject.Fields)
                {
                    if (fields.TryGetValue(field.Name, out var fieldValue) && AstFromValue(fieldValue, field.Type) is { } node)
                    {
                        fieldNodes.Add(new ObjectFieldNode(new NameNode(field.Name), node));
                    }
                }

                return new ObjectValueNode(fieldNodes);

            case EnumType enumType:
                {
                    var result = enumType.Serialize(value);
                    return result.IsError || result.Value is not string name ? null : new EnumValueNode(name);
                }

            case ScalarType scalar:
                {
                    var result = scalar.Serialize(value);
                    if (result.IsError || result.Value is null)
                    {
                        return null;
                    }

                    var serialized = result.Value;
                    switch (serialized)
                    {
                        case bool b:
                            return new BooleanValueNode(b);
                        case string s:
                            return ReferenceEquals(scalar, BuiltIns.ID) && IsIntegerString(s)
                                ? new IntValueNode(s)
                                : new StringValueNode(s);
                        case double or float or decimal or int or long or short or byte or uint or ulong:
                            var text = serialized is double or float
                                ? Convert.ToDouble(serialized, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)
                                : Convert.ToString(serialized, CultureInfo.InvariantCulture) ?? "0";
                            return IsIntegerString(text) ? new IntValueNode(text) : new FloatValueNode(text);
                        default:
                            return null;
                    }
                }

            default:
                return null;
        }
    }

    private static bool IsIntegerString(string s)
    {
        var span = s.AsSpan();
        if (span.Length > 0 && span[0] == '-')
        {
            span = span[1..];
        }

        if (span.Length == 0 || (span[0] == '0' && span.Length > 1))
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
