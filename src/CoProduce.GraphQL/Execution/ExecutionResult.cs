using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CoProduce.GraphQL.Execution;

/// <summary>
/// The response to a query or mutation (and to each event of a subscription): <c>data</c>, <c>errors</c> and
/// <c>extensions</c>, as the spec's response format. <see cref="Data"/> keeps fields in selection order.
/// A subscription that started successfully has a <see cref="Stream"/> instead of data.
/// </summary>
public sealed class ExecutionResult
{
    /// <summary>The result data; null when execution did not start (request errors) or a null propagated to the root.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    /// <summary>True when the response must contain a <c>data</c> key (execution started), even when it is null.</summary>
    public bool HasData { get; init; }

    public IReadOnlyList<GraphQLError> Errors { get; init; } = [];

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>For a subscription that started: one result per source event.</summary>
    public IAsyncEnumerable<ExecutionResult>? Stream { get; init; }

    [MemberNotNullWhen(true, nameof(Stream))]
    public bool IsStream => Stream is not null;

    /// <summary>A result carrying only request errors (no <c>data</c> key): syntax, validation, limits, variables.</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new() { Errors = errors };

    public static ExecutionResult FromError(GraphQLError error) => new() { Errors = [error] };

    /// <summary>Writes the response as graphql-js orders it: <c>errors</c>, then <c>data</c>, then <c>extensions</c>.</summary>
    public void WriteTo(Utf8JsonWriter writer) => ResultJsonWriter.Write(writer, this);

    /// <summary>The response as UTF-8 JSON.</summary>
    public byte[] ToUtf8Json()
    {
        // The response is written into pooled buffers and copied once: a large result no longer allocates every
        // doubling of a growing buffer. The writer object is reused per thread (taken out while in use).
        var writer = t_writer ?? new Utf8JsonWriter(System.IO.Stream.Null, s_writerOptions);
        t_writer = null;
        var buffer = new PooledBufferWriter();
        try
        {
            writer.Reset(buffer);
            WriteTo(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset(System.IO.Stream.Null);
            buffer.Dispose();
            t_writer = writer;
        }
    }

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        SkipValidation = true,

        // Responses are JSON, not HTML: escape only what JSON requires (as graphql-js's JSON.stringify does).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The response as a JSON string (compact).</summary>
    public string ToJson() => System.Text.Encoding.UTF8.GetString(ToUtf8Json());

    public override string ToString() => ToJson();
}

/// <summary>
/// A result object: an ordered map from response keys to completed values. Keys are shared with the cached
/// operation plan, so building one allocates only the value array.
/// </summary>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly ResultKeys _keys;
    private readonly object?[] _values;

    internal ResultMap(ResultKeys keys, object?[] values)
    {
        _keys = keys;
        _values = values;
    }

    internal ResultKeys Shape => _keys;

    public int Count => _keys.Names.Length;

    public IEnumerable<string> Keys => _keys.Names;

    public IEnumerable<object?> Values => _values;

    internal object?[] ValueArray => _values;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(_keys.Names, key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var index = Array.IndexOf(_keys.Names, key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        var names = _keys.Names;
        for (var i = 0; i < names.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A growable buffer of arrays rented from the shared pool, returned on dispose.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= sizeHint)
        {
            return;
        }

        var next = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + sizeHint));
        _buffer.AsSpan(0, _written).CopyTo(next);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }
}

/// <summary>The response keys of a selection, as strings and pre-encoded for JSON; shared by its result objects.</summary>
internal sealed class ResultKeys
{
    public ResultKeys(string[] names)
    {
        Names = names;
        Encoded = new JsonEncodedText[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            // GraphQL names are ASCII letters, digits and underscores: nothing to escape.
            Encoded[i] = JsonEncodedText.Encode(names[i]);
        }
    }

    public string[] Names { get; }

    public JsonEncodedText[] Encoded { get; }
}

/// <summary>Writes results with <see cref="Utf8JsonWriter"/>, in the key order graphql-js produces.</summary>
public static class ResultJsonWriter
{
    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.Errors.Count > 0)
        {
            writer.WritePropertyName("errors"u8);
            WriteErrors(writer, result.Errors);
        }

        if (result.HasData || result.Data is not null)
        {
            writer.WritePropertyName("data"u8);
            WriteValue(writer, result.Data, 0);
        }

        if (result.Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions"u8);
            WriteValue(writer, result.Extensions, 0);
        }

        writer.WriteEndObject();
    }

    public static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            WriteError(writer, error);
        }

        writer.WriteEndArray();
    }

    /// <summary>One error as graphql-js's <c>toJSON</c>: message, locations, path, extensions.</summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message"u8, error.Message);
        if (error.Locations.Count > 0)
        {
            writer.WritePropertyName("locations"u8);
            writer.WriteStartArray();
            foreach (var location in error.Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line"u8, location.Line);
                writer.WriteNumber("column"u8, location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { } path)
        {
            writer.WritePropertyName("path"u8);
            writer.WriteStartArray();
            foreach (var segment in path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(segment.ToString());
                }
            }

            writer.WriteEndArray();
        }

        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions"u8);
            WriteValue(writer, extensions, 0);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a completed value: result maps, lists, and the scalars serialisation produces.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        // Results nest no deeper than the document (bounded by the parser); extensions are host-provided.
        if (depth > 512)
        {
            writer.WriteNullValue();
            return;
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            // Commonest first, and every exact-type test before the costlier array and interface tests.
            case string s:
                writer.WriteStringValue(s);
                break;
            case ResultMap map:
                writer.WriteStartObject();
                // Keys were encoded once per plan: no transcoding or escaping check per object.
                var keys = map.Shape.Encoded;
                var values = map.ValueArray;
                for (var k = 0; k < keys.Length; k++)
                {
                    WriteProperty(writer, keys[k], values[k], depth + 1);
                }

                writer.WriteEndObject();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                WriteDouble(writer, d);
                break;
            case object?[] array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case float f:
                WriteDouble(writer, f);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong ul:
                writer.WriteNumberValue(ul);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case Guid g:
                writer.WriteStringValue(g);
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto);
                break;
            case DateTime dt:
                writer.WriteStringValue(dt);
                break;
            case IReadOnlyDictionary<string, object?> dictionary:
                WritePairs(writer, dictionary, depth);
                break;
            case IDictionary<string, object?> dictionary:
                WritePairs(writer, dictionary, depth);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    /// <summary>
    /// One entry of a result object: the common leaves with the writer's name-and-value calls (one step instead of
    /// two), anything else as a name then <see cref="WriteValue"/>.
    /// </summary>
    private static void WriteProperty(Utf8JsonWriter writer, JsonEncodedText name, object? value, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case double d when double.IsFinite(d) && (d != Math.Floor(d) || Math.Abs(d) >= 1e15):
                writer.WriteNumber(name, d);
                break;
            default:
                writer.WritePropertyName(name);
                WriteValue(writer, value, depth);
                break;
        }
    }

    /// <summary>Numbers as JavaScript prints them: integral doubles without a fraction (1, not 1.0).</summary>
    // Read-only and mutable dictionaries are distinct interfaces; both are written as JSON objects in their order.
    private static void WritePairs(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> pairs, int depth)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in pairs)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, item, depth + 1);
        }

        writer.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter writer, double d)
    {
        if (!double.IsFinite(d))
        {
            writer.WriteNullValue();
        }
        else if (d == Math.Floor(d) && Math.Abs(d) < 1e15)
        {
            writer.WriteNumberValue((long)d);
        }
        else
        {
            writer.WriteNumberValue(d);
        }
    }
}
