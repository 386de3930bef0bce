using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CoProduce.Core.Common;

namespace CoProduce.Core.Consultations;

/// <summary>
/// Reads and checks a consultation definition file. Every error names a JSON path and, where the file
/// has one, the line and column — so an author can find it.
/// </summary>
public static partial class ConsultationDefinitionReader
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Parse and validate a definition (JSON text).</summary>
    public static Result<ConsultationDefinition> Read(string json)
    {
        ConsultationDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<ConsultationDefinition>(json, Options);
        }
        catch (JsonException exception)
        {
            var position = exception.LineNumber is { } line
                ? new SourcePosition((int)line + 1, (int)(exception.BytePositionInLine ?? 0) + 1)
                : (SourcePosition?)null;
            var path = exception.Path ?? "$";
            position ??= JsonPositions.Index(json).Find(path);
            return new Error(ErrorCodes.ImportInvalidJson, path, [FirstSentence(exception.Message)]) { Position = position };
        }

        if (definition is null)
        {
            return new Error(ErrorCodes.ImportInvalidJson, "$", ["The file holds null."]) { Position = new SourcePosition(1, 1) };
        }

        var errors = Validate(definition);
        if (errors.Count == 0)
        {
            return definition;
        }

        var positions = JsonPositions.Index(json);
        return Result<ConsultationDefinition>.Failure(errors.Select(e => e with { Position = positions.Find(e.Path ?? "$") }).ToArray());
    }

    /// <summary>The rules a definition must keep, beyond its JSON shape. Paths are JSON paths.</summary>
    public static IReadOnlyList<Error> Validate(ConsultationDefinition d)
    {
        var errors = new List<Error>();
        void Add(string code, string path, params object[] args) => errors.Add(new Error(code, path, args));

        if (ConsultationReference.Normalise(d.Reference) is null)
        {
            Add(ErrorCodes.ImportInvalidReference, "$.reference", d.Reference);
        }

        if (d.ClosesAt <= d.OpensAt)
        {
            Add(ErrorCodes.ImportInvalidDates, "$.closesAt");
        }

        CheckTranslations(d, "$", errors);

        for (var i = 0; i < d.Documents.Count; i++)
        {
            var doc = d.Documents[i];
            if (!IsWebAddress(doc.Url.En))
            {
                Add(ErrorCodes.ImportInvalidValue, $"$.documents[{i}].url.en", "an absolute https:// address");
            }

            if (!IsWebAddress(doc.Url.Cy))
            {
                Add(ErrorCodes.ImportInvalidValue, $"$.documents[{i}].url.cy", "an absolute https:// address");
            }

            if (doc.SizeBytes is < 0)
            {
                Add(ErrorCodes.ImportInvalidValue, $"$.documents[{i}].sizeBytes", "a size in bytes, 0 or more");
            }
        }

        if (d.DataProtection.RetentionYears is < 1 or > 10)
        {
            Add(ErrorCodes.ImportInvalidValue, "$.dataProtection.retentionYears", "a number of years from 1 to 10");
        }

        if (!IsWebAddress(d.DataProtection.Regulator.Website))
        {
            Add(ErrorCodes.ImportInvalidValue, "$.dataProtection.regulator.website", "an absolute https:// address");
        }

        if (!d.HowToRespond.Online && d.HowToRespond.Email is null && d.HowToRespond.PostalAddress is null)
        {
            Add(ErrorCodes.ImportMissingValue, "$.howToRespond", "online, email or postalAddress");
        }

        if (d.HowToRespond.Online && d.Questionnaire.Sections.Count == 0)
        {
            Add(ErrorCodes.ImportMissingValue, "$.questionnaire.sections", "at least one section");
        }

        for (var i = 0; i < d.FormsOfViolence.Count; i++)
        {
            if (d.FormsOfViolence.Take(i).Contains(d.FormsOfViolence[i]))
            {
                Add(ErrorCodes.ImportDuplicateId, $"$.formsOfViolence[{i}]", d.FormsOfViolence[i]);
            }
        }

        ValidateQuestionnaire(d.Questionnaire, errors);
        return errors;
    }

    /// <summary>
    /// The structural rules of a questionnaire (ids, options, limits, conditions pointing at earlier
    /// questions). <paramref name="requireQuestions"/> off lets an author keep an empty section while
    /// building it; the readiness check turns it back on.
    /// </summary>
    internal static void ValidateQuestionnaire(Questionnaire questionnaire, List<Error> errors, bool requireQuestions = true)
    {
        void Add(string code, string path, params object[] args) => errors.Add(new Error(code, path, args));
        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        var earlier = new Dictionary<QuestionId, Question>();
        for (var s = 0; s < questionnaire.Sections.Count; s++)
        {
            var section = questionnaire.Sections[s];
            var sectionPath = $"$.questionnaire.sections[{s}]";
            CheckId(section.Id.Value, $"{sectionPath}.id", errors);
            if (!sectionIds.Add(section.Id.Value))
            {
                Add(ErrorCodes.ImportDuplicateId, $"{sectionPath}.id", section.Id.Value);
            }

            if (requireQuestions && section.Questions.Count == 0)
            {
                Add(ErrorCodes.ImportMissingValue, $"{sectionPath}.questions", "at least one question");
            }

            for (var q = 0; q < section.Questions.Count; q++)
            {
                var question = section.Questions[q];
                var path = $"{sectionPath}.questions[{q}]";
                CheckId(question.Id.Value, $"{path}.id", errors);
                if (earlier.ContainsKey(question.Id))
                {
                    Add(ErrorCodes.ImportDuplicateId, $"{path}.id", question.Id.Value);
                }

                ValidateQuestion(question, path, errors);
                if (question.ShowWhen is { } condition)
                {
                    if (!earlier.TryGetValue(condition.Question, out var source))
                    {
                        Add(ErrorCodes.ImportInvalidCondition, $"{path}.showWhen.question", condition.Question.Value);
                    }
                    else if (condition.AnyOf.Count == 0)
                    {
                        Add(ErrorCodes.ImportInvalidCondition, $"{path}.showWhen.anyOf", condition.Question.Value);
                    }
                    else if (source.HasOptions)
                    {
                        for (var v = 0; v < condition.AnyOf.Count; v++)
                        {
                            if (!source.EffectiveOptions.Any(o => o.Value == condition.AnyOf[v]))
                            {
                                Add(ErrorCodes.ImportInvalidCondition, $"{path}.showWhen.anyOf[{v}]", condition.AnyOf[v]);
                            }
                        }
                    }
                }

                earlier.TryAdd(question.Id, question);
            }
        }
    }

    private static void ValidateQuestion(Question question, string path, List<Error> errors)
    {
        void Add(string code, string at, params object[] args) => errors.Add(new Error(code, at, args));
        var type = question.Type;
        var takesOptions = type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Ranking;
        if (takesOptions)
        {
            if (question.Options.Count < 2)
            {
                Add(ErrorCodes.ImportInvalidQuestion, $"{path}.options", "at least two options");
            }

            var values = new HashSet<string>(StringComparer.Ordinal);
            for (var o = 0; o < question.Options.Count; o++)
            {
                var value = question.Options[o].Value;
                if (!IdPattern().IsMatch(value))
                {
                    Add(ErrorCodes.ImportInvalidValue, $"{path}.options[{o}].value", "lower-case letters, digits and hyphens");
                }

                if (!values.Add(value))
                {
                    Add(ErrorCodes.ImportDuplicateId, $"{path}.options[{o}].value", value);
                }

                if (question.Options[o].Exclusive && type != QuestionType.MultipleChoice)
                {
                    Add(ErrorCodes.ImportInvalidQuestion, $"{path}.options[{o}].exclusive", "exclusive only applies to multipleChoice");
                }
            }
        }
        else if (question.Options.Count > 0)
        {
            Add(ErrorCodes.ImportInvalidQuestion, $"{path}.options", $"{Camel(type)} questions take no options");
        }

        if (question.IsText)
        {
            if (question.MaxLength is < 1 or > Question.MaxAllowedLength)
            {
                Add(ErrorCodes.ImportInvalidValue, $"{path}.maxLength", $"a limit from 1 to {Question.MaxAllowedLength}");
            }
        }
        else if (question.MaxLength is not null)
        {
            Add(ErrorCodes.ImportInvalidQuestion, $"{path}.maxLength", "maxLength only applies to text questions");
        }

        if (type == QuestionType.Scale)
        {
            if (question.Scale is not { } scale)
            {
                Add(ErrorCodes.ImportMissingValue, $"{path}.scale", "scale");
            }
            else if (scale.Min >= scale.Max || scale.Max - scale.Min > 10)
            {
                Add(ErrorCodes.ImportInvalidValue, $"{path}.scale.max", "a maximum above the minimum, at most 10 points apart");
            }
        }
        else if (question.Scale is not null)
        {
            Add(ErrorCodes.ImportInvalidQuestion, $"{path}.scale", "scale only applies to scale questions");
        }

        if (question.Number is { } number)
        {
            if (type != QuestionType.Number)
            {
                Add(ErrorCodes.ImportInvalidQuestion, $"{path}.number", "number only applies to number questions");
            }
            else if (number.Min is { } min && number.Max is { } max && min > max)
            {
                Add(ErrorCodes.ImportInvalidValue, $"{path}.number.max", "a maximum not below the minimum");
            }
        }

        if (question.Required && question.RequiredReason is null)
        {
            Add(ErrorCodes.ImportMissingValue, $"{path}.requiredReason", "requiredReason (why this answer is needed)");
        }
    }

    private static void CheckId(string id, string path, List<Error> errors)
    {
        if (!IdPattern().IsMatch(id))
        {
            errors.Add(new Error(ErrorCodes.ImportInvalidValue, path, ["lower-case letters, digits and hyphens, starting with a letter"]));
        }
        else if (EqualityMonitoring.IsReserved(id))
        {
            errors.Add(new Error(ErrorCodes.ImportReservedId, path, [id]));
        }
    }

    /// <summary>Every authored text needs both languages, non-empty, wherever it is in the document.</summary>
    private static void CheckTranslations(object? value, string path, List<Error> errors)
    {
        switch (value)
        {
            case null:
            case string:
                return;
            case LocalizedText text:
                if (string.IsNullOrWhiteSpace(text.En))
                {
                    errors.Add(new Error(ErrorCodes.ImportMissingTranslation, $"{path}.en", ["en"]));
                }

                if (string.IsNullOrWhiteSpace(text.Cy))
                {
                    errors.Add(new Error(ErrorCodes.ImportMissingTranslation, $"{path}.cy", ["cy"]));
                }

                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    CheckTranslations(item, $"{path}[{i++}]", errors);
                }

                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            CheckTranslations(property.GetValue(value), $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}", errors);
        }
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Camel(QuestionType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}

/// <summary>Maps JSON paths (<c>$.a.b[2].c</c>) to where their values start in the text.</summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    public static JsonPositions Index(string json)
    {
        var index = new JsonPositions();
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        SourcePosition At(long offset)
        {
            var line = lineStarts.BinarySearch((int)offset);
            line = line >= 0 ? line : ~line - 1;
            var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], (int)offset - lineStarts[line]) + 1;
            return new SourcePosition(line + 1, column);
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new Stack<(string Path, bool IsArray, int Next)>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                string Current()
                {
                    if (stack.Count == 0)
                    {
                        return "$";
                    }

                    var top = stack.Pop();
                    string path;
                    if (top.IsArray)
                    {
                        path = $"{top.Path}[{top.Next}]";
                        top.Next++;
                    }
                    else
                    {
                        path = $"{top.Path}.{pendingProperty}";
                    }

                    stack.Push(top);
                    return path;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        {
                            var path = Current();
                            index._positions.TryAdd(path, At(reader.TokenStartIndex));
                            stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                            break;
                        }

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        break;
                    default:
                        index._positions.TryAdd(Current(), At(reader.TokenStartIndex));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Invalid JSON: keep what was indexed so far.
        }

        return index;
    }

    /// <summary>The position of the path, or of its nearest indexed ancestor (for missing properties).</summary>
    public SourcePosition? Find(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }

            current = current[..cut];
        }

        return _positions.TryGetValue("$", out var root) ? root : null;
    }
}
