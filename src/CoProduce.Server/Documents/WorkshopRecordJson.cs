using System.Text.Json;
using CoProduce.Core.Consultations;
using CoProduce.Core.Workshops;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Documents;

/// <summary>
/// A workshop record as JSON, in one stable shape (<see cref="Schema"/>, documented in
/// docs/workshops.md) whatever the page's language: authored text carries both languages, what
/// participants wrote carries the language they wrote in, and every count is a number or, when it is
/// suppressed, <c>null</c> next to <c>"suppressed": true</c>.
/// </summary>
public static class WorkshopRecordJson
{
    public const string Schema = "coproduce.workshop-record/1";

    public static byte[] Write(WorkshopRecord record)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("id", record.Id.Value);
            Text(json, "title", record.Title);
            Text(json, "purpose", record.Purpose);
            json.WriteString("phase", record.Phase.ToString());
            json.WriteString("jurisdiction", record.Jurisdiction.ToString());
            json.WriteString("scheduledOn", record.ScheduledOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (record.Consultation is { } consultation)
            {
                json.WriteStartObject("consultation");
                json.WriteString("reference", consultation.Reference);
                Text(json, "title", consultation.Title);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("consultation");
            }

            Text(json, "groundRules", record.GroundRules);
            json.WriteString("state", record.State.ToString());
            json.WritePropertyName("participantsAdmitted");
            CountObject(json, record.ParticipantsAdmitted);
            json.WriteStartObject("suppression");
            json.WriteNumber("threshold", record.Suppression.Threshold);
            json.WriteBoolean("secondary", true);
            Text(json, "rule", new LocalizedText(RecordText.SuppressionRule(record.Suppression, Cultures.English), RecordText.SuppressionRule(record.Suppression, Cultures.Welsh)));
            json.WriteEndObject();
            json.WriteStartArray("activities");
            foreach (var activity in record.Activities)
            {
                Activity(json, activity);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void Activity(Utf8JsonWriter json, RecordActivity activity)
    {
        json.WriteStartObject();
        json.WriteNumber("number", activity.Number);
        json.WriteString("kind", activity.Kind.ToString());
        Text(json, "title", activity.Title);
        Text(json, "prompt", activity.Prompt);
        Text(json, "contentWarning", activity.ContentWarning);
        json.WriteBoolean("multipleChoice", activity.MultipleChoice);
        if (activity.Dots is { } dots)
        {
            json.WriteNumber("dots", dots);
        }
        else
        {
            json.WriteNull("dots");
        }

        json.WritePropertyName("voters");
        if (activity.Voters is { } voters)
        {
            CountObject(json, voters);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray("items");
        foreach (var item in activity.Items)
        {
            json.WriteStartObject();
            json.WriteString("id", item.Id);
            Text(json, "label", item.Label);
            CountFields(json, item.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("themes");
        foreach (var theme in activity.Themes)
        {
            json.WriteStartObject();
            json.WriteString("name", theme.Name);
            json.WriteStartArray("ideas");
            foreach (var idea in theme.Ideas)
            {
                Idea(json, idea);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("framework");
        if (activity.Framework is { } framework)
        {
            json.WriteStartObject();
            json.WriteString("id", framework.Id.Value);
            Text(json, "title", framework.Title);
            if (framework.VersionReached is { } version)
            {
                json.WriteNumber("versionReached", version);
            }
            else
            {
                json.WriteNull("versionReached");
            }

            json.WriteStartArray("accepted");
            foreach (var proposal in framework.Accepted)
            {
                json.WriteStartObject();
                json.WriteNumber("number", proposal.Number);
                json.WriteString("kind", proposal.Kind.ToString());
                json.WriteString("text", proposal.Text);
                json.WriteString("language", proposal.Language);
                CountFields(json, proposal.Support);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteEndObject();
    }

    private static void Idea(Utf8JsonWriter json, RecordIdea idea)
    {
        json.WriteStartObject();
        json.WriteNumber("number", idea.Number);
        json.WriteString("text", idea.Text);
        json.WriteString("language", idea.Language);
        json.WriteStartArray("merged");
        foreach (var merged in idea.Merged)
        {
            Idea(json, merged);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, LocalizedText? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("en", text.En);
        json.WriteString("cy", text.Cy);
        json.WriteEndObject();
    }

    private static void CountObject(Utf8JsonWriter json, RecordCount count)
    {
        json.WriteStartObject();
        CountFields(json, count);
        json.WriteEndObject();
    }

    private static void CountFields(Utf8JsonWriter json, RecordCount count)
    {
        if (count.Value is { } value)
        {
            json.WriteNumber("count", value);
        }
        else
        {
            json.WriteNull("count");
        }

        json.WriteBoolean("suppressed", count.Suppressed);
    }
}
