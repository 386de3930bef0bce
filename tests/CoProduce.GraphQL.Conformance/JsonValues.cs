using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoProduce.GraphQL.Conformance;

/// <summary>JSON in and out, the way JavaScript does it, so both sides of the comparison print the same text.</summary>
public static class JsonValues
{
    /// <summary>A JSON value as plain .NET values: integers that fit a long stay integral, other numbers are doubles.</summary>
    public static object? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromElement(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromElement(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var l) ? (object)l : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>JSON.stringify</c> of a .NET value tree: dictionaries in their own order (or with keys sorted by UTF-16
    /// code units when <paramref name="sortKeys"/>), lists, strings, numbers in JavaScript's shortest form.
    /// </summary>
    public static string Stringify(object? value, bool sortKeys = false)
    {
        var builder = new StringBuilder();
        Write(builder, value, sortKeys);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value, bool sortKeys)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string s:
                WriteString(builder, s);
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case int or long or short or byte or sbyte or uint or ulong or ushort:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                builder.Append(Number(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            case JsonElement element:
                Write(builder, FromElement(element), sortKeys);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteObject(builder, map, sortKeys);
                break;
            case IDictionary dictionary:
                var pairs = new List<KeyValuePair<string, object?>>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    pairs.Add(new(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, entry.Value));
                }

                WriteObject(builder, pairs, sortKeys);
                break;
            case IEnumerable list:
                builder.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Write(builder, item, sortKeys);
                }

                builder.Append(']');
                break;
            default:
                // Enum values bound to .NET enums and other scalars: their text, as JavaScript would see a string.
                WriteString(builder, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, IEnumerable<KeyValuePair<string, object?>> map, bool sortKeys)
    {
        IEnumerable<KeyValuePair<string, object?>> pairs = sortKeys
            ? map.OrderBy(p => p.Key, StringComparer.Ordinal)
            : map;
        builder.Append('{');
        var first = true;
        foreach (var (key, item) in pairs)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            WriteString(builder, key);
            builder.Append(':');
            Write(builder, item, sortKeys);
        }

        builder.Append('}');
    }

    /// <summary>JavaScript's <c>Number.prototype.toString</c> for finite doubles (both use the shortest round trip).</summary>
    public static string Number(double d)
    {
        if (!double.IsFinite(d))
        {
            return "null";
        }

        if (d == 0)
        {
            return "0";
        }

        var abs = Math.Abs(d);
        if (abs >= 1e21 || abs < 1e-6)
        {
            // .NET writes 1E+21 / 1E-07; JavaScript writes 1e+21 / 1e-7.
            var r = d.ToString("R", CultureInfo.InvariantCulture);
            var e = r.IndexOf('E');
            var mantissa = r[..e];
            var exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
            return mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        }

        if (Math.Floor(d) == d && abs < 1e21)
        {
            return d.ToString("F0", CultureInfo.InvariantCulture);
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E'))
        {
            text = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary><c>JSON.stringify</c> of a string: escapes quotes, backslashes, control characters and lone surrogates.</summary>
    private static void WriteString(StringBuilder builder, string s)
    {
        builder.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        builder.Append(c).Append(s[++i]);
                    }
                    else if (c < 0x20 || char.IsSurrogate(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
