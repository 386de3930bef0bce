using System.Globalization;
using System.Text;
using CoProduce.Core.Consultations;

namespace CoProduce.Bench.Submissions.Load;

/// <summary>
/// What the simulated respondent answers: every question of the benchmark definition, long text
/// answers exactly <see cref="LongTextLength"/> characters, choices within the authored options.
/// </summary>
public sealed class AnswerPlan
{
    public const int LongTextLength = 500;

    private readonly Dictionary<string, Question> _questions;
    private readonly Dictionary<string, IReadOnlyList<string>> _values;
    private readonly string[] _idsLongestFirst;
    private readonly Question[] _inOrder;

    private AnswerPlan(IEnumerable<Question> questions)
    {
        _inOrder = [.. questions];
        _questions = _inOrder.ToDictionary(q => q.Id.Value, StringComparer.Ordinal);
        _values = _questions.Values.ToDictionary(q => q.Id.Value, Plan, StringComparer.Ordinal);
        _idsLongestFirst = [.. _questions.Keys.OrderByDescending(k => k.Length)];
    }

    public int QuestionCount => _questions.Count;

    public int LongTextCount => _questions.Values.Count(q => q.Type == QuestionType.LongText);

    /// <summary>Every question in questionnaire order with its planned values (as a form would post them).</summary>
    public IEnumerable<(Question Question, IReadOnlyList<string> Values)> Answers => _inOrder.Select(q => (q, _values[q.Id.Value]));

    /// <summary>The consultation's public reference, as the definition gives it.</summary>
    public required string ConsultationReference { get; init; }

    public static AnswerPlan FromDefinitionFile(string path)
    {
        var read = ConsultationDefinitionReader.Read(File.ReadAllText(path));
        if (read.IsFailure)
        {
            throw new InvalidOperationException($"{path} is not a valid consultation definition: {string.Join("; ", read.Errors)}");
        }

        return new AnswerPlan(read.Value.Questionnaire.Sections.SelectMany(s => s.Questions)) { ConsultationReference = read.Value.Reference };
    }

    /// <summary>The question a form field answers, recognised by its id appearing as a token of the name.</summary>
    public Question? QuestionFor(string fieldName)
    {
        foreach (var id in _idsLongestFirst)
        {
            var at = fieldName.IndexOf(id, StringComparison.Ordinal);
            while (at >= 0)
            {
                var before = at == 0 ? '.' : fieldName[at - 1];
                var afterIndex = at + id.Length;
                var after = afterIndex == fieldName.Length ? '.' : fieldName[afterIndex];
                if (IsSeparator(before) && (IsSeparator(after) || after == '-'))
                {
                    return _questions[id];
                }

                at = fieldName.IndexOf(id, at + 1, StringComparison.Ordinal);
            }
        }

        return null;
    }

    public IReadOnlyList<string> ValuesFor(Question question) => _values[question.Id.Value];

    private static bool IsSeparator(char c) => c is '.' or '[' or ']' or ':' or '_' or '$';

    private static IReadOnlyList<string> Plan(Question question) => question.Type switch
    {
        QuestionType.YesNoNotSure => [ChoiceOption.Yes],
        QuestionType.SingleChoice => [question.Options[Math.Min(1, question.Options.Count - 1)].Value],
        QuestionType.MultipleChoice => [.. question.Options.Where(o => !o.Exclusive).Take(2).Select(o => o.Value)],
        QuestionType.Ranking => [.. question.Options.Select(o => o.Value)],
        QuestionType.ShortText => [Fit("Caerdydd / Cardiff", question.EffectiveMaxLength)],
        QuestionType.LongText => [LongText(question.Id.Value)],
        QuestionType.Scale => [(((question.Scale?.Min ?? 1) + (question.Scale?.Max ?? 5) + 1) / 2).ToString(CultureInfo.InvariantCulture)],
        QuestionType.Number => [Math.Clamp(6m, question.Number?.Min ?? 0m, question.Number?.Max ?? 100m).ToString(CultureInfo.InvariantCulture)],
        _ => [],
    };

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Exactly <see cref="LongTextLength"/> characters of plain prose (ASCII, no line breaks).</summary>
    private static string LongText(string seed)
    {
        const string prose = "The adviser listened and believed me, which mattered more than anything else. " +
            "Waiting lists were long and I had to repeat my story to three different people before anyone helped. " +
            "Being able to talk in Welsh, close to home, and at times that fit around the children would have made it easier. ";
        var builder = new StringBuilder(LongTextLength);
        builder.Append('[').Append(seed).Append("] ");
        while (builder.Length < LongTextLength)
        {
            builder.Append(prose);
        }

        return builder.ToString(0, LongTextLength);
    }
}
