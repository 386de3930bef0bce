using CoProduce.Core.Common;

namespace CoProduce.Core.Consultations;

/// <summary>The wording of a section, without its questions.</summary>
public sealed record SectionText(LocalizedText Title, LocalizedText? Intro, LocalizedText? ContentWarning);

/// <summary>
/// Changes to a questionnaire, each returning a new questionnaire that keeps the structural rules of
/// the definition format (unique well-formed ids, options, limits, conditions only on earlier
/// questions) — or the errors, with JSON paths as in a definition file. A section may be empty while
/// it is being built; the readiness check refuses that before the consultation is published.
/// </summary>
public static class QuestionnaireEdits
{
    public static Result<Questionnaire> AddSection(Questionnaire questionnaire, Section section, int? index = null)
    {
        var sections = questionnaire.Sections.ToList();
        var at = index ?? sections.Count;
        if (at < 0 || at > sections.Count)
        {
            return new Error(ErrorCodes.AuthoringInvalidPosition, "index");
        }

        sections.Insert(at, section);
        return Checked(questionnaire with { Sections = sections });
    }

    public static Result<Questionnaire> UpdateSection(Questionnaire questionnaire, SectionId id, SectionText text)
    {
        var index = IndexOf(questionnaire, id);
        if (index < 0)
        {
            return new Error(ErrorCodes.SectionNotFound, "section");
        }

        var sections = questionnaire.Sections.ToArray();
        sections[index] = sections[index] with { Title = text.Title, Intro = text.Intro, ContentWarning = text.ContentWarning };
        return Checked(questionnaire with { Sections = sections });
    }

    /// <summary>Moves a section to a new position (0-based, among the authored sections).</summary>
    public static Result<Questionnaire> MoveSection(Questionnaire questionnaire, SectionId id, int newIndex)
    {
        var index = IndexOf(questionnaire, id);
        if (index < 0)
        {
            return new Error(ErrorCodes.SectionNotFound, "section");
        }

        if (newIndex < 0 || newIndex >= questionnaire.Sections.Count)
        {
            return new Error(ErrorCodes.AuthoringInvalidPosition, "index");
        }

        var sections = questionnaire.Sections.ToList();
        var section = sections[index];
        sections.RemoveAt(index);
        sections.Insert(newIndex, section);
        return Checked(questionnaire with { Sections = sections });
    }

    /// <summary>Removes a section and its questions; refused while a later question depends on one of them.</summary>
    public static Result<Questionnaire> RemoveSection(Questionnaire questionnaire, SectionId id)
    {
        var index = IndexOf(questionnaire, id);
        if (index < 0)
        {
            return new Error(ErrorCodes.SectionNotFound, "section");
        }

        var removed = questionnaire.Sections[index].Questions.Select(q => q.Id).ToHashSet();
        var dependant = questionnaire.Sections.Where((_, i) => i != index)
            .SelectMany(s => s.Questions)
            .FirstOrDefault(q => q.ShowWhen is { } c && removed.Contains(c.Question));
        if (dependant is not null)
        {
            return new Error(ErrorCodes.AuthoringQuestionInUse, "section", [dependant.ShowWhen!.Question.Value, dependant.Id.Value]); // Matched on ShowWhen just above.
        }

        return Checked(questionnaire with { Sections = questionnaire.Sections.Where((_, i) => i != index).ToArray() });
    }

    public static Result<Questionnaire> AddQuestion(Questionnaire questionnaire, SectionId sectionId, Question question, int? index = null)
    {
        var s = IndexOf(questionnaire, sectionId);
        if (s < 0)
        {
            return new Error(ErrorCodes.SectionNotFound, "section");
        }

        var questions = questionnaire.Sections[s].Questions.ToList();
        var at = index ?? questions.Count;
        if (at < 0 || at > questions.Count)
        {
            return new Error(ErrorCodes.AuthoringInvalidPosition, "index");
        }

        questions.Insert(at, question);
        return Checked(WithQuestions(questionnaire, s, questions));
    }

    /// <summary>Replaces a question. Its id may change only while no condition refers to it.</summary>
    public static Result<Questionnaire> UpdateQuestion(Questionnaire questionnaire, QuestionId id, Question question)
    {
        if (Find(questionnaire, id) is not var (s, q))
        {
            return new Error(ErrorCodes.QuestionNotFound, "question");
        }

        if (question.Id != id && DependantOf(questionnaire, id) is { } dependant)
        {
            return new Error(ErrorCodes.AuthoringQuestionInUse, "id", [id.Value, dependant.Id.Value]);
        }

        var questions = questionnaire.Sections[s].Questions.ToArray();
        questions[q] = question;
        return Checked(WithQuestions(questionnaire, s, questions));
    }

    /// <summary>Moves a question to a position (0-based) in a section, the same or another.</summary>
    public static Result<Questionnaire> MoveQuestion(Questionnaire questionnaire, QuestionId id, SectionId toSection, int newIndex)
    {
        if (Find(questionnaire, id) is not var (s, q))
        {
            return new Error(ErrorCodes.QuestionNotFound, "question");
        }

        var target = IndexOf(questionnaire, toSection);
        if (target < 0)
        {
            return new Error(ErrorCodes.SectionNotFound, "section");
        }

        var question = questionnaire.Sections[s].Questions[q];
        var without = WithQuestions(questionnaire, s, questionnaire.Sections[s].Questions.Where((_, i) => i != q).ToArray());
        var questions = without.Sections[target].Questions.ToList();
        if (newIndex < 0 || newIndex > questions.Count)
        {
            return new Error(ErrorCodes.AuthoringInvalidPosition, "index");
        }

        questions.Insert(newIndex, question);
        return Checked(WithQuestions(without, target, questions));
    }

    /// <summary>Removes a question; refused while another question's condition refers to it.</summary>
    public static Result<Questionnaire> RemoveQuestion(Questionnaire questionnaire, QuestionId id)
    {
        if (Find(questionnaire, id) is not var (s, q))
        {
            return new Error(ErrorCodes.QuestionNotFound, "question");
        }

        if (DependantOf(questionnaire, id) is { } dependant)
        {
            return new Error(ErrorCodes.AuthoringQuestionInUse, "question", [id.Value, dependant.Id.Value]);
        }

        return Checked(WithQuestions(questionnaire, s, questionnaire.Sections[s].Questions.Where((_, i) => i != q).ToArray()));
    }

    public static Questionnaire SetEqualityMonitoring(Questionnaire questionnaire, bool on) =>
        questionnaire with { EqualityMonitoring = on };

    /// <summary>The structural errors of a questionnaire being built (empty sections allowed).</summary>
    public static IReadOnlyList<Error> Validate(Questionnaire questionnaire)
    {
        var errors = new List<Error>();
        ConsultationDefinitionReader.ValidateQuestionnaire(questionnaire, errors, requireQuestions: false);
        return errors;
    }

    /// <summary>Where a question is: indexes of its section and of it within the section.</summary>
    public static (int Section, int Question)? Find(Questionnaire questionnaire, QuestionId id)
    {
        for (var s = 0; s < questionnaire.Sections.Count; s++)
        {
            for (var q = 0; q < questionnaire.Sections[s].Questions.Count; q++)
            {
                if (questionnaire.Sections[s].Questions[q].Id == id)
                {
                    return (s, q);
                }
            }
        }

        return null;
    }

    private static int IndexOf(Questionnaire questionnaire, SectionId id)
    {
        for (var i = 0; i < questionnaire.Sections.Count; i++)
        {
            if (questionnaire.Sections[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static Question? DependantOf(Questionnaire questionnaire, QuestionId id) =>
        questionnaire.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => q.ShowWhen?.Question == id);

    private static Questionnaire WithQuestions(Questionnaire questionnaire, int section, IReadOnlyList<Question> questions)
    {
        var sections = questionnaire.Sections.ToArray();
        sections[section] = sections[section] with { Questions = questions };
        return questionnaire with { Sections = sections };
    }

    private static Result<Questionnaire> Checked(Questionnaire questionnaire)
    {
        var errors = Validate(questionnaire);
        return errors.Count == 0 ? questionnaire : Result<Questionnaire>.Failure(errors);
    }
}
