using CoProduce.Core.Consultations;

namespace CoProduce.Server.Journey;

/// <summary>
/// How one section's questions are laid out: which show at the top level, and which are revealed
/// under an option of an earlier question on the same page (GOV.UK conditional reveal). A question
/// whose condition depends on another page shows only when the saved answers meet it.
/// </summary>
public sealed class SectionForm
{
    private readonly Dictionary<(QuestionId, string), List<Question>> _nested = [];

    public SectionForm(Section section, Func<QuestionId, bool> visibleFromSavedAnswers, IReadOnlyDictionary<string, IReadOnlyList<string>> values, PageErrors errors)
    {
        Section = section;
        Values = values;
        Errors = errors;
        var onThisPage = section.Questions.ToDictionary(q => q.Id);
        var topLevel = new List<Question>();
        foreach (var question in section.Questions)
        {
            if (question.ShowWhen is not { } condition)
            {
                topLevel.Add(question);
                continue;
            }

            if (!onThisPage.TryGetValue(condition.Question, out var trigger))
            {
                if (visibleFromSavedAnswers(question.Id))
                {
                    topLevel.Add(question);
                }

                continue;
            }

            var canNest = condition.AnyOf.Count == 1
                && trigger.Type is QuestionType.SingleChoice or QuestionType.YesNoNotSure or QuestionType.MultipleChoice
                && trigger.ShowWhen is null
                && trigger.EffectiveOptions.Any(o => o.Value == condition.AnyOf[0]);
            if (canNest)
            {
                var key = (trigger.Id, condition.AnyOf[0]);
                if (!_nested.TryGetValue(key, out var list))
                {
                    _nested[key] = list = [];
                }

                list.Add(question);
            }
            else
            {
                topLevel.Add(question);
            }
        }

        TopLevel = topLevel;
    }

    public Section Section { get; }

    public IReadOnlyList<Question> TopLevel { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; }

    public PageErrors Errors { get; }

    /// <summary>The questions revealed when <paramref name="option"/> of <paramref name="trigger"/> is chosen.</summary>
    public IReadOnlyList<Question> RevealedBy(Question trigger, string option) =>
        _nested.TryGetValue((trigger.Id, option), out var list) ? list : [];

    public IReadOnlyList<string> ValuesOf(Question question) =>
        Values.TryGetValue(question.Id.Value, out var values) ? values : [];

    public string ValueOf(Question question) => ValuesOf(question).FirstOrDefault() ?? "";

    public bool IsChosen(Question question, string option) => ValuesOf(question).Contains(option);

    public string? ErrorFor(Question question) => Errors.For(question.Id.Value);

    /// <summary>
    /// Every posted field, in the shape Core expects; Core reads only the section's questions from it,
    /// so the page need not know the section before saving. Names match as the form matches them (any case).
    /// </summary>
    public static Dictionary<string, IReadOnlyList<string>> ReadPosted(IFormCollection form)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(form.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, posted) in form)
        {
            values[key] = posted.Select(v => v ?? "").ToArray();
        }

        return values;
    }

    /// <summary>The posted values of this section's questions only, in the shape Core expects.</summary>
    public static Dictionary<string, IReadOnlyList<string>> ReadPosted(Section section, IFormCollection form)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var question in section.Questions)
        {
            if (form.TryGetValue(question.Id.Value, out var posted))
            {
                values[question.Id.Value] = posted.Select(v => v ?? "").ToArray();
            }
        }

        return values;
    }
}

/// <summary>The model of the question partial: the form and the question to draw.</summary>
public sealed record QuestionContext(SectionForm Form, Question Question);
