using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoProduce.Server.Hubs;

/// <summary>
/// Writes the strongly typed ids (<c>record struct XId(Guid Value)</c>) as plain strings and reads them
/// back, so hub messages carry <c>"activityId": "…"</c> rather than <c>{"value": "…"}</c>.
/// </summary>
public sealed class IdJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsValueType && typeToConvert.Namespace?.StartsWith("CoProduce.Core", StringComparison.Ordinal) == true
        && typeToConvert.Name.EndsWith("Id", StringComparison.Ordinal)
        && typeToConvert.GetConstructor([typeof(Guid)]) is not null;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(IdConverter<>).MakeGenericType(typeToConvert))!; // The type has a Guid constructor (CanConvert).

    private sealed class IdConverter<T> : JsonConverter<T>
        where T : struct
    {
        private static readonly ConstructorInfo Constructor = typeof(T).GetConstructor([typeof(Guid)])!; // Checked by CanConvert.
        private static readonly PropertyInfo Value = typeof(T).GetProperty("Value")!; // Every id record has Value.

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var guid)
                ? (T)Constructor.Invoke([guid])
                : throw new JsonException($"Expected an id (a GUID string) for {typeof(T).Name}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue((Guid)Value.GetValue(value)!); // Value is a Guid.
    }
}
