using System.Globalization;
using System.Text.Json;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.Server.Api;

/// <summary><c>Date</c>: a calendar date as <c>yyyy-MM-dd</c> (a <see cref="DateOnly"/> in resolvers).</summary>
public sealed class DateScalar() : ScalarType("Date")
{
    public override CoercionResult Serialize(object value) => value switch
    {
        DateOnly date => CoercionResult.Ok(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => CoercionResult.Fail($"Date cannot represent value: {value}"),
    };

    public override CoercionResult ParseValue(object value) => Parse(value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => null,
    });

    public override CoercionResult ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        Parse(literal is StringValueNode s ? s.Value : null);

    private static CoercionResult Parse(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? CoercionResult.Ok(date)
            : CoercionResult.Fail($"Date cannot represent value: {(text is null ? "a non-string value" : JsonSerializer.Serialize(text))}; expected yyyy-MM-dd.");
}

/// <summary><c>DateTime</c>: an instant as an RFC 3339 date-time in UTC (a <see cref="DateTimeOffset"/> in resolvers).</summary>
public sealed class DateTimeScalar() : ScalarType("DateTime")
{
    public override CoercionResult Serialize(object value) => value switch
    {
        DateTimeOffset moment => CoercionResult.Ok(moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        _ => CoercionResult.Fail($"DateTime cannot represent value: {value}"),
    };

    public override CoercionResult ParseValue(object value) => Parse(value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => null,
    });

    public override CoercionResult ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        Parse(literal is StringValueNode s ? s.Value : null);

    private static CoercionResult Parse(string? text) =>
        text is not null && text.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var moment)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.OrdinalIgnoreCase))
            ? CoercionResult.Ok(moment.ToUniversalTime())
            : CoercionResult.Fail($"DateTime cannot represent value: {(text is null ? "a non-string value" : JsonSerializer.Serialize(text))}; expected an RFC 3339 date-time with an offset.");
}
