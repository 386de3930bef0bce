using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Responses;

/// <summary>
/// A draft as the respondent's pages need it: the consultation, saved answers, skipped sections,
/// choices, and helpers for "check your answers".
/// </summary>
public sealed record DraftView(
    Consultation Consultation,
    AnswerSheet Answers,
    IReadOnlyList<SectionId> SkippedSections,
    RespondentChoices Choices,
    DateOnly LastSavedOn,
    bool HasResumeCode,
    bool IsAcceptingResponses)
{
    public IReadOnlyList<Section> Sections => Consultation.Sections;

    public bool IsSkipped(SectionId section) => SkippedSections.Contains(section);

    public Answer? AnswerTo(QuestionId question) => Answers.Answers.GetValueOrDefault(question);

    /// <summary>The saved answer as form values, to fill a form again.</summary>
    public IReadOnlyList<string> FormValues(QuestionId question) => AnswerTo(question)?.ToFormValues() ?? [];

    /// <summary>Whether a question shows, given the saved answers.</summary>
    public bool IsVisible(QuestionId question) =>
        Conditions.VisibleQuestionIds(Consultation.Questionnaire, Consultation.Jurisdiction, Answers.Answers).Contains(question);

    /// <summary>True when a section has an answer to any of its questions.</summary>
    public bool HasAnswers(SectionId section) =>
        Consultation.FindSection(section)?.Questions.Any(q => Answers.Answers.ContainsKey(q.Id)) ?? false;

    /// <summary>The section after this one, or null after the last.</summary>
    public SectionId? NextSectionAfter(SectionId section)
    {
        var sections = Sections;
        for (var i = 0; i < sections.Count - 1; i++)
        {
            if (sections[i].Id == section)
            {
                return sections[i + 1].Id;
            }
        }

        return null;
    }

    /// <summary>What stops submission now (required questions unanswered), empty when ready.</summary>
    public IReadOnlyList<Error> MissingAnswers =>
        AnswerValidator.CheckComplete(Consultation.Questionnaire, Consultation.Jurisdiction, Answers.Answers, SkippedSections);
}

/// <summary>Reads the draft that a session token owns.</summary>
public sealed class GetDraft(CoProduceDbContext db, TimeProvider time, DraftAccess drafts)
{
    public async Task<Result<DraftView>> HandleAsync(SessionToken sessionToken, CancellationToken cancellationToken = default)
    {
        var found = await drafts.FindAsync(db, sessionToken, cancellationToken, trackDraft: false);
        if (found.IsFailure)
        {
            return Result<DraftView>.Failure(found.Errors);
        }

        var (draft, consultation) = found.Value;
        return new DraftView(
            consultation,
            draft.Answers,
            draft.SkippedSections,
            draft.Choices,
            draft.LastSavedOn,
            draft.ResumeCodeHash is not null,
            consultation.IsAcceptingResponses(time.GetUtcNow()));
    }
}
