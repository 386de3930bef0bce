using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoProduce.Core.Consultations;

namespace CoProduce.Bench.Submissions.Load;

/// <summary>
/// One API client: POSTs a complete response (every answer of the <see cref="AnswerPlan"/>) to
/// <c>/graphql</c> with the public <c>submitResponse</c> mutation, anonymously, one request per
/// response. The body is built once and shared by every request; the answer is scanned, not parsed
/// into a document, for the receipt code and any error.
/// </summary>
public sealed class ApiSubmission(HttpClient http, ApiSubmission.Body body)
{
    public const string Path = "/graphql";

    private const string Document = """
        mutation SubmitResponse($input: SubmitResponseInput!) {
          submitResponse(input: $input) {
            receipt { code submittedOn consultationReference }
            errors { code message field }
          }
        }
        """;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<JourneyOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body.Bytes) };
            request.Content.Headers.ContentType = Json;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            error = response.StatusCode == HttpStatusCode.OK ? ReadOutcome(answer) : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "request timed out";
        }
        catch (HttpRequestException exception)
        {
            error = $"connection error: {exception.HttpRequestError}";
        }

        var now = Stopwatch.GetTimestamp();
        return new JourneyOutcome(error, now - started, error is null ? now - started : 0, 1, now);
    }

    /// <summary>
    /// Null when the answer holds a receipt with a code and no error (neither GraphQL errors nor the
    /// payload's user errors); otherwise a short description: the first error's code or message.
    /// </summary>
    public static string? ReadOutcome(ReadOnlySpan<byte> answer)
    {
        try
        {
            var reader = new Utf8JsonReader(answer);
            var receiptDepth = -1;
            var hasCode = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == receiptDepth)
                {
                    receiptDepth = -1;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.ValueTextEquals("errors"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.EndArray)
                        {
                            return FirstError(ref reader);
                        }
                    }
                }
                else if (reader.ValueTextEquals("receipt"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        receiptDepth = reader.CurrentDepth;
                    }
                }
                else if (receiptDepth >= 0 && reader.CurrentDepth == receiptDepth + 1 && reader.ValueTextEquals("code"u8))
                {
                    reader.Read();
                    hasCode = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0;
                }
            }

            return hasCode ? null : "no receipt";
        }
        catch (JsonException)
        {
            return "answer is not JSON";
        }
    }

    /// <summary>From the start of a non-empty error list: the first <c>code</c> after it (user error or extension), else the first message.</summary>
    private static string FirstError(ref Utf8JsonReader reader)
    {
        string? message = null;
        do
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("code"u8);
                var isMessage = reader.ValueTextEquals("message"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    if (isCode)
                    {
                        return "error " + reader.GetString();
                    }

                    if (isMessage)
                    {
                        message ??= reader.GetString();
                    }
                }
            }
        }
        while (reader.Read());

        return "error: " + (message ?? "(no message)");
    }

    /// <summary>The request body, made once: the mutation and its variables with every planned answer.</summary>
    public sealed class Body
    {
        private Body(byte[] bytes) => Bytes = bytes;

        public byte[] Bytes { get; }

        public static Body For(AnswerPlan plan)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("query", Document);
                json.WriteStartObject("variables");
                json.WriteStartObject("input");
                json.WriteString("consultationReference", plan.ConsultationReference);
                json.WriteStartArray("answers");
                foreach (var (question, values) in plan.Answers)
                {
                    json.WriteStartObject();
                    json.WriteString("questionId", question.Id.Value);
                    json.WriteStartObject("value");
                    WriteValue(json, question.Type, values);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartObject("choices");
                json.WriteString("respondingAs", "ANONYMOUS");
                json.WriteBoolean("mayQuote", false);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            return new Body(stream.ToArray());
        }

        public override string ToString() => Encoding.UTF8.GetString(Bytes);

        private static void WriteValue(Utf8JsonWriter json, QuestionType type, IReadOnlyList<string> values)
        {
            switch (type)
            {
                case QuestionType.ShortText or QuestionType.LongText:
                    json.WriteString("text", values.Single());
                    break;
                case QuestionType.Scale or QuestionType.Number:
                    json.WriteNumber("number", decimal.Parse(values.Single(), CultureInfo.InvariantCulture));
                    break;
                case QuestionType.Ranking:
                    WriteList(json, "ranking", values);
                    break;
                default:
                    WriteList(json, "choices", values);
                    break;
            }
        }

        private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
        {
            json.WriteStartArray(name);
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }
    }
}
