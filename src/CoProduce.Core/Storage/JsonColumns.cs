using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduce.Core.Storage;

/// <summary>How nested documents are written to JSON columns (camelCase, enums by name).</summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored JSON for {typeof(T).Name} is null.");
}

/// <summary>Stores a value as a JSON document in a text (SQLite) or jsonb (PostgreSQL) column.</summary>
internal sealed class JsonValueConverter<T>() : ValueConverter<T, string>(
    v => StorageJson.Serialize(v),
    s => StorageJson.Deserialize<T>(s));

/// <summary>Compares documents by their JSON, so EF Core notices any change.</summary>
internal sealed class JsonValueComparer<T>() : ValueComparer<T>(
    (a, b) => StorageJson.Serialize(a) == StorageJson.Serialize(b),
    v => StorageJson.Serialize(v).GetHashCode(StringComparison.Ordinal),
    v => StorageJson.Deserialize<T>(StorageJson.Serialize(v)));

/// <summary>
/// For documents of immutable types (every change replaces the whole value, as <c>Draft</c> does with
/// its answers, skipped sections and choices): the snapshot EF Core keeps is the value itself instead of
/// a deep copy (a serialise and deserialise on every tracked read), and an unchanged value is recognised
/// by reference before comparing JSON. Only for types nobody changes in place: a change made inside
/// the value would not be seen and not be saved.
/// </summary>
internal sealed class ImmutableJsonValueComparer<T>() : ValueComparer<T>(
    (a, b) => ReferenceEquals(a, b) || StorageJson.Serialize(a) == StorageJson.Serialize(b),
    v => StorageJson.Serialize(v).GetHashCode(StringComparison.Ordinal),
    v => v);
