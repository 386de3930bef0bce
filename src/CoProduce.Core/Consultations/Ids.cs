using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoProduce.Core.Consultations;

public readonly record struct ConsultationId(Guid Value)
{
    public static ConsultationId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>An authored section id, unique within a questionnaire (e.g. <c>your-experience</c>).</summary>
[JsonConverter(typeof(SectionIdJsonConverter))]
public readonly record struct SectionId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>An authored question id, unique within a questionnaire (e.g. <c>services-used</c>).</summary>
[JsonConverter(typeof(QuestionIdJsonConverter))]
public readonly record struct QuestionId(string Value)
{
    public override string ToString() => Value;
}

internal sealed class SectionIdJsonConverter : JsonConverter<SectionId>
{
    public override SectionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A section id must be a string."));

    public override void Write(Utf8JsonWriter writer, SectionId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class QuestionIdJsonConverter : JsonConverter<QuestionId>
{
    public override QuestionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A question id must be a string."));

    public override void Write(Utf8JsonWriter writer, QuestionId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override QuestionId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A question id must be a string."));

    public override void WriteAsPropertyName(Utf8JsonWriter writer, QuestionId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);
}
