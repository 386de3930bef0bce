using System.Globalization;
using CoProduce.Core.Common;

namespace CoProduce.Core.Consultations;

/// <summary>The typed answers of one section, or the reasons they cannot be saved.</summary>
/// <param name="Answers">Valid answers to visible questions (only filled when <see cref="IsValid"/>).</param>
/// <param name="Errors">Problems the respondent must fix; nothing is saved while there are any.</param>
/// <param name="Notices">Things that were quietly corrected, e.g. an answer to a hidden question dropped.</param>
public sealed record SectionValidation(
    IReadOnlyDictionary<QuestionId, Answer> Answers,
    IReadOnlyList<Error> Errors,
    IReadOnlyList<Error> Notices)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Turns what a form posted (strings per field name, the field name being the question id) into typed
/// answers, as pure functions. Nothing here touches storage or time.
/// </summary>
public static class AnswerValidator
{
    /// <summary>Validate the posted values for one section.</summary>
    /// <param name="questionnaire">The whole questionnaire (conditions may refer to earlier sections).</param>
    /// <param name="jurisdiction">Decides the variant of the equality section.</param>
    /// <param name="section">The section being answered.</param>
    /// <param name="savedAnswers">Answers already saved for the other sections.</param>
    /// <param name="submitted">Raw posted values by question id; unknown keys are ignored.</param>
    public static SectionValidation ValidateSection(
        Questionnaire questionnaire,
        Jurisdiction jurisdiction,
        Section section,
        IReadOnlyDictionary<QuestionId, Answer> savedAnswers,
        IReadOnlyDictionary<string, IReadOnlyList<string>> submitted)
    {
        // Answers of earlier questions decide visibility of later ones; start from the saved answers
        // outside this section and overlay this section's new answers in order.
        var context = savedAnswers
            .Where(kv => !section.Questions.Any(q => q.Id == kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        var visible = Conditions.VisibleQuestionIds(questionnaire, jurisdiction, context);
        var answers = new Dictionary<QuestionId, Answer>();
        var errors = new List<Error>();
        var notices = new List<Error>();

        foreach (var question in section.Questions)
        {
            var values = submitted.TryGetValue(question.Id.Value, out var posted)
                ? posted.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray()
                : [];
            var isVisible = question.ShowWhen is null || Conditions.IsMet(question.ShowWhen, context, visible);
            if (!isVisible)
            {
                visible.Remove(question.Id);
                if (values.Length > 0)
                {
                    notices.Add(new Error(ErrorCodes.AnswerHiddenQuestionDiscarded, question.Id.Value));
                }

                continue;
            }

            visible.Add(question.Id);
            if (values.Length == 0)
            {
                if (question.Required)
                {
                    errors.Add(new Error(ErrorCodes.AnswerRequired, question.Id.Value));
                }

                continue;
            }

            var (answer, error) = Parse(question, values);
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (answer is not null)
            {
                answers[question.Id] = answer;
                context[question.Id] = answer;
            }
        }

        return errors.Count == 0
            ? new SectionValidation(answers, [], notices)
            : new SectionValidation(new Dictionary<QuestionId, Answer>(), errors, notices);
    }

    /// <summary>Parse the non-empty posted values of one visible question.</summary>
    public static (Answer? Answer, Error? Error) Parse(Question question, IReadOnlyList<string> values)
    {
        var path = question.Id.Value;
        switch (question.Type)
        {
            case QuestionType.ShortText:
            case QuestionType.LongText:
                {
                    if (values.Count > 1)
                    {
                        return (null, new Error(ErrorCodes.AnswerTooManyValues, path));
                    }

                    var text = NormaliseText(values[0], question.Type == QuestionType.LongText);
                    return text.Length > question.EffectiveMaxLength
                        ? (null, new Error(ErrorCodes.AnswerTooLong, path, [question.EffectiveMaxLength, text.Length]))
                        : (new TextAnswer(text), null);
                }

            case QuestionType.SingleChoice:
            case QuestionType.YesNoNotSure:
                {
                    if (values.Count > 1)
                    {
                        return (null, new Error(ErrorCodes.AnswerTooManyValues, path));
                    }

                    var value = values[0].Trim();
                    return question.EffectiveOptions.Any(o => o.Value == value)
                        ? (new ChoiceAnswer([value]), null)
                        : (null, new Error(ErrorCodes.AnswerInvalidChoice, path));
                }

            case QuestionType.MultipleChoice:
                {
                    var chosen = values.Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToArray();
                    var options = question.EffectiveOptions;
                    if (chosen.Any(v => !options.Any(o => o.Value == v)))
                    {
                        return (null, new Error(ErrorCodes.AnswerInvalidChoice, path));
                    }

                    if (chosen.Length > 1 && options.Any(o => o.Exclusive && chosen.Contains(o.Value)))
                    {
                        var exclusive = options.First(o => o.Exclusive && chosen.Contains(o.Value));
                        return (null, new Error(ErrorCodes.AnswerExclusiveOption, path, [exclusive.Value]));
                    }

                    // Keep the authored order, whatever order the browser posted in.
                    var ordered = options.Where(o => chosen.Contains(o.Value)).Select(o => o.Value).ToArray();
                    return (new ChoiceAnswer(ordered), null);
                }

            case QuestionType.Scale:
                {
                    var scale = question.Scale ?? throw new InvalidOperationException($"Scale question {path} has no scale settings.");
                    if (values.Count > 1)
                    {
                        return (null, new Error(ErrorCodes.AnswerTooManyValues, path));
                    }

                    if (!int.TryParse(values[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var point))
                    {
                        return (null, new Error(ErrorCodes.AnswerInvalidChoice, path));
                    }

                    return point < scale.Min || point > scale.Max
                        ? (null, new Error(ErrorCodes.AnswerOutOfRange, path, [scale.Min, scale.Max]))
                        : (new NumberAnswer(point), null);
                }

            case QuestionType.Number:
                {
                    if (values.Count > 1)
                    {
                        return (null, new Error(ErrorCodes.AnswerTooManyValues, path));
                    }

                    return ParseNumber(question, values[0]);
                }

            case QuestionType.Ranking:
                return ParseRanking(question, values);

            default:
                throw new InvalidOperationException($"Unknown question type {question.Type}.");
        }
    }

    /// <summary>Trim, normalise line breaks to <c>\n</c>, and (for short text) fold them to spaces.</summary>
    public static string NormaliseText(string raw, bool multiline)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return multiline ? text : text.Replace('\n', ' ');
    }

    private static (Answer?, Error?) ParseNumber(Question question, string raw)
    {
        var path = question.Id.Value;
        var settings = question.Number ?? new NumberSettings();

        // People write "1,000" and "1 000"; both separators are only ever grouping here.
        var cleaned = raw.Trim().Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return (null, new Error(ErrorCodes.AnswerNotANumber, path));
        }

        if (settings.IntegerOnly && decimal.Truncate(number) != number)
        {
            return (null, new Error(ErrorCodes.AnswerNotAWholeNumber, path));
        }

        if ((settings.Min is { } min && number < min) || (settings.Max is { } max && number > max))
        {
            return (null, new Error(
                ErrorCodes.AnswerOutOfRange,
                path,
                [settings.Min?.ToString(CultureInfo.InvariantCulture) ?? "", settings.Max?.ToString(CultureInfo.InvariantCulture) ?? ""]));
        }

        return (new NumberAnswer(number), null);
    }

    private static (Answer?, Error?) ParseRanking(Question question, IReadOnlyList<string> values)
    {
        var path = question.Id.Value;
        var options = question.EffectiveOptions;
        var byRank = new SortedDictionary<int, string>();
        var seenOptions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in values)
        {
            if (!RankingInput.TryDecode(raw.Trim(), out var option, out var rankText))
            {
                return (null, new Error(ErrorCodes.AnswerInvalidRank, path, [options.Count]));
            }

            if (!options.Any(o => o.Value == option))
            {
                return (null, new Error(ErrorCodes.AnswerInvalidChoice, path));
            }

            if (rankText.Length == 0)
            {
                continue; // This option was left unranked.
            }

            if (!int.TryParse(rankText, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1 || rank > options.Count)
            {
                return (null, new Error(ErrorCodes.AnswerInvalidRank, path, [options.Count]));
            }

            if (!seenOptions.Add(option) || !byRank.TryAdd(rank, option))
            {
                return (null, new Error(ErrorCodes.AnswerDuplicateRank, path, [rank]));
            }
        }

        if (byRank.Count == 0)
        {
            return (null, null);
        }

        // Ranks must run 1..n without gaps, so the stored order means what the person meant.
        if (byRank.Keys.Last() != byRank.Count)
        {
            return (null, new Error(ErrorCodes.AnswerInvalidRank, path, [byRank.Count]));
        }

        return (new RankingAnswer(byRank.Values.ToArray()), null);
    }

    /// <summary>
    /// Checks a whole draft before submission: required questions in visible, unskipped sections.
    /// </summary>
    public static IReadOnlyList<Error> CheckComplete(
        Questionnaire questionnaire,
        Jurisdiction jurisdiction,
        IReadOnlyDictionary<QuestionId, Answer> answers,
        IReadOnlyCollection<SectionId> skippedSections)
    {
        var visible = Conditions.VisibleQuestionIds(questionnaire, jurisdiction, answers);
        return questionnaire.AllQuestions(jurisdiction)
            .Where(x => !skippedSections.Contains(x.Section.Id))
            .Where(x => x.Question.Required && visible.Contains(x.Question.Id) && !answers.ContainsKey(x.Question.Id))
            .Select(x => new Error(ErrorCodes.AnswerRequired, x.Question.Id.Value, [x.Section.Id.Value]))
            .ToArray();
    }

    /// <summary>
    /// The answers that count: only for questions that exist, are visible given the other answers,
    /// and are not in a skipped section.
    /// </summary>
    public static IReadOnlyDictionary<QuestionId, Answer> Prune(
        Questionnaire questionnaire,
        Jurisdiction jurisdiction,
        IReadOnlyDictionary<QuestionId, Answer> answers,
        IReadOnlyCollection<SectionId> skippedSections)
    {
        var kept = answers
            .Where(kv => questionnaire.AllQuestions(jurisdiction).Any(x => x.Question.Id == kv.Key && !skippedSections.Contains(x.Section.Id)))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        var visible = Conditions.VisibleQuestionIds(questionnaire, jurisdiction, kept);
        return kept.Where(kv => visible.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}

/// <summary>Evaluates display conditions.</summary>
public static class Conditions
{
    /// <summary>True when the condition's question is visible and its answer is one of the values.</summary>
    public static bool IsMet(DisplayCondition condition, IReadOnlyDictionary<QuestionId, Answer> answers, IReadOnlySet<QuestionId> visible)
    {
        if (!visible.Contains(condition.Question) || !answers.TryGetValue(condition.Question, out var answer))
        {
            return false;
        }

        return answer switch
        {
            ChoiceAnswer choice => choice.Values.Any(condition.AnyOf.Contains),
            TextAnswer text => condition.AnyOf.Contains(text.Text),
            NumberAnswer number => condition.AnyOf.Contains(number.Value.ToString(CultureInfo.InvariantCulture)),
            RankingAnswer ranking => ranking.Ranked.Count > 0 && condition.AnyOf.Contains(ranking.Ranked[0]),
            _ => false,
        };
    }

    /// <summary>
    /// The questions visible given some answers, in one pass (conditions only point backwards,
    /// which import checks), so a question hidden by a hidden question is hidden too.
    /// </summary>
    public static HashSet<QuestionId> VisibleQuestionIds(
        Questionnaire questionnaire,
        Jurisdiction jurisdiction,
        IReadOnlyDictionary<QuestionId, Answer> answers)
    {
        var visible = new HashSet<QuestionId>();
        foreach (var (_, question) in questionnaire.AllQuestions(jurisdiction))
        {
            if (question.ShowWhen is null || IsMet(question.ShowWhen, answers, visible))
            {
                visible.Add(question.Id);
            }
        }

        return visible;
    }
}
