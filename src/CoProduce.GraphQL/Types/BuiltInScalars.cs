using System.Globalization;
using System.Text.Json;
using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

// The five specified scalars, coercing as graphql-js 16 does (same accepted inputs, same messages).

internal static class Numbers
{
    /// <summary>Reads any .NET number (or a JSON number) as a double; false for non-numbers.</summary>
    public static bool TryGetDouble(object value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            case ushort us: number = us; return true;
            case JsonElement { ValueKind: JsonValueKind.Number } e: number = e.GetDouble(); return true;
            default: number = 0; return false;
        }
    }

    public static bool IsInteger(double d) => double.IsFinite(d) && Math.Floor(d) == d;

    /// <summary>JavaScript's <c>Number(string)</c> for the numeric strings graphql-js accepts when serializing.</summary>
    public static bool TryParseNumericString(string s, out double number) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && s.Trim().Length > 0;
}

internal sealed class IntScalar() : ScalarType("Int",
    "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
{
    public override CoercionResult Serialize(object value)
    {
        double number;
        if (value is int)
        {
            return CoercionResult.Ok(value); // already a boxed int: no need to box again
        }
        else if (value is bool b)
        {
            return CoercionResult.Ok(b ? 1 : 0);
        }
        else if (value is string s && s.Length > 0 && Numbers.TryParseNumericString(s, out var parsed))
        {
            number = parsed;
        }
        else if (!Numbers.TryGetDouble(value, out number))
        {
            return CoercionResult.Fail(GraphQLMessages.IntNonInteger.With(Inspect.Value(value)));
        }

        return FromDouble(number, value);
    }

    public override CoercionResult ParseValue(object value) =>
        value is int i ? CoercionResult.Ok(i)
        : Numbers.TryGetDouble(value, out var number) ? FromDouble(number, value)
        : CoercionResult.Fail(GraphQLMessages.IntNonInteger.With(Inspect.Value(value)));

    public override CoercionResult ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        if (literal is not IntValueNode node)
        {
            return CoercionResult.Fail(GraphQLMessages.IntNonInteger.With(Printer.Print(literal)));
        }

        return int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? CoercionResult.Ok(i)
            : CoercionResult.Fail(GraphQLMessages.IntRange.With(node.Value));
    }

    private static CoercionResult FromDouble(double number, object original)
    {
        if (!Numbers.IsInteger(number))
        {
            return CoercionResult.Fail(GraphQLMessages.IntNonInteger.With(Inspect.Value(original)));
        }

        if (number > int.MaxValue || number < int.MinValue)
        {
            return CoercionResult.Fail(GraphQLMessages.IntRange.With(Inspect.Value(original)));
        }

        return CoercionResult.Ok((int)number);
    }
}

internal sealed class FloatScalar() : ScalarType("Float",
    "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
{
    public override CoercionResult Serialize(object value)
    {
        if (value is double d && double.IsFinite(d))
        {
            return CoercionResult.Ok(value); // already a boxed double: no need to box again
        }

        if (value is bool b)
        {
            return CoercionResult.Ok(b ? 1.0 : 0.0);
        }

        if (value is string s && Numbers.TryParseNumericString(s, out var parsed) && double.IsFinite(parsed))
        {
            return CoercionResult.Ok(parsed);
        }

        return Numbers.TryGetDouble(value, out var number) && double.IsFinite(number)
            ? CoercionResult.Ok(number)
            : CoercionResult.Fail(GraphQLMessages.FloatNonNumeric.With(Inspect.Value(value)));
    }

    public override CoercionResult ParseValue(object value) =>
        Numbers.TryGetDouble(value, out var number) && double.IsFinite(number)
            ? CoercionResult.Ok(number)
            : CoercionResult.Fail(GraphQLMessages.FloatNonNumeric.With(Inspect.Value(value)));

    public override CoercionResult ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        literal switch
        {
            IntValueNode i => CoercionResult.Ok(double.Parse(i.Value, CultureInfo.InvariantCulture)),
            FloatValueNode f => CoercionResult.Ok(double.Parse(f.Value, CultureInfo.InvariantCulture)),
            _ => CoercionResult.Fail(GraphQLMessages.FloatNonNumeric.With(Printer.Print(literal))),
        };
}

internal sealed class StringScalar() : ScalarType("String",
    "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
{
    public override CoercionResult Serialize(object value) => value switch
    {
        string s => CoercionResult.Ok(s),
        bool b => CoercionResult.Ok(b ? "true" : "false"),
        char c => CoercionResult.Ok(c.ToString()),
        _ when Numbers.TryGetDouble(value, out var d) && double.IsFinite(d) =>
            CoercionResult.Ok(value is IFormattable f && value is not double and not float
                ? f.ToString(null, CultureInfo.InvariantCulture)
                : d.ToString("R", CultureInfo.InvariantCulture)),
        Guid g => CoercionResult.Ok(g.ToString()),
        _ => CoercionResult.Fail(GraphQLMessages.StringValue.With(Inspect.Value(value))),
    };

    public override CoercionResult ParseValue(object value) => value switch
    {
        string s => CoercionResult.Ok(s),
        JsonElement { ValueKind: JsonValueKind.String } e => CoercionResult.Ok(e.GetString()),
        _ => CoercionResult.Fail(GraphQLMessages.StringNonString.With(Inspect.Value(value))),
    };

    public override CoercionResult ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        literal is StringValueNode s
            ? CoercionResult.Ok(s.Value)
            : CoercionResult.Fail(GraphQLMessages.StringNonString.With(Printer.Print(literal)));
}

internal sealed class BooleanScalar() : ScalarType("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
{
    public override CoercionResult Serialize(object value) => value switch
    {
        bool => CoercionResult.Ok(value), // already a boxed bool: no need to box again
        _ when Numbers.TryGetDouble(value, out var d) && double.IsFinite(d) => CoercionResult.Ok(d != 0),
        _ => CoercionResult.Fail(GraphQLMessages.BooleanNonBoolean.With(Inspect.Value(value))),
    };

    public override CoercionResult ParseValue(object value) => value switch
    {
        bool b => CoercionResult.Ok(b),
        JsonElement { ValueKind: JsonValueKind.True } => CoercionResult.Ok(true),
        JsonElement { ValueKind: JsonValueKind.False } => CoercionResult.Ok(false),
        _ => CoercionResult.Fail(GraphQLMessages.BooleanNonBoolean.With(Inspect.Value(value))),
    };

    public override CoercionResult ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        literal is BooleanValueNode b
            ? CoercionResult.Ok(b.Value)
            : CoercionResult.Fail(GraphQLMessages.BooleanNonBoolean.With(Printer.Print(literal)));
}

internal sealed class IdScalar() : ScalarType("ID",
    "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
{
    public override CoercionResult Serialize(object value) => value switch
    {
        string s => CoercionResult.Ok(s),
        Guid g => CoercionResult.Ok(g.ToString()),
        _ when Numbers.TryGetDouble(value, out var d) && Numbers.IsInteger(d) =>
            CoercionResult.Ok(value is IFormattable f && value is not double and not float
                ? f.ToString(null, CultureInfo.InvariantCulture)
                : d.ToString("R", CultureInfo.InvariantCulture)),
        _ => CoercionResult.Fail(GraphQLMessages.IdValue.With(Inspect.Value(value))),
    };

    public override CoercionResult ParseValue(object value) => value switch
    {
        string s => CoercionResult.Ok(s),
        JsonElement { ValueKind: JsonValueKind.String } e => CoercionResult.Ok(e.GetString()),
        _ when Numbers.TryGetDouble(value, out var d) && Numbers.IsInteger(d) =>
            CoercionResult.Ok(d.ToString("R", CultureInfo.InvariantCulture)),
        _ => CoercionResult.Fail(GraphQLMessages.IdValue.With(Inspect.Value(value))),
    };

    public override CoercionResult ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        literal switch
        {
            StringValueNode s => CoercionResult.Ok(s.Value),
            IntValueNode i => CoercionResult.Ok(i.Value),
            _ => CoercionResult.Fail(GraphQLMessages.IdNonStringNonInteger.With(Printer.Print(literal))),
        };
}
