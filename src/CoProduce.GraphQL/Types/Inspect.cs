using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace CoProduce.GraphQL.Types;

/// <summary>Renders .NET values in error messages the way graphql-js's <c>inspect</c> renders JavaScript values.</summary>
internal static class Inspect
{
    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        IFormattable n when IsNumber(n) => n.ToString(null, CultureInfo.InvariantCulture),
        JsonElement e => e.GetRawText(),
        IDictionary dictionary => Dictionary(dictionary),
        IEnumerable items => List(items),
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static bool IsNumber(object n) => n is int or long or short or byte or sbyte or uint or ulong or ushort or decimal;

    private static string FormatDouble(double d) =>
        double.IsNaN(d) ? "NaN"
        : double.IsPositiveInfinity(d) ? "Infinity"
        : double.IsNegativeInfinity(d) ? "-Infinity"
        : d.ToString("R", CultureInfo.InvariantCulture);

    private static string List(IEnumerable items)
    {
        var parts = new List<string>();
        foreach (var item in items)
        {
            parts.Add(Value(item));
        }

        return "[" + string.Join(", ", parts) + "]";
    }

    private static string Dictionary(IDictionary dictionary)
    {
        if (dictionary.Count == 0)
        {
            return "{}";
        }

        var parts = new List<string>();
        foreach (DictionaryEntry entry in dictionary)
        {
            parts.Add($"{entry.Key}: {Value(entry.Value)}");
        }

        return "{ " + string.Join(", ", parts) + " }";
    }
}
