using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Responses;

/// <summary>The posted values of one section's form, keyed by question id (other keys are ignored).</summary>
public sealed record SaveSectionAnswersRequest(
    SessionToken SessionToken,
    SectionId SectionId,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values);

/// <param name="Notices">Corrections made quietly, e.g. <c>Error.Answer.HiddenQuestionDiscarded</c>.</param>
/// <param name="NextSectionId">The section to show next, or null after the last (go to check your answers).</param>
public sealed record SectionSaved(IReadOnlyList<Error> Notices, SectionId? NextSectionId);

/// <summary>
/// Validates and saves one section. When any answer is invalid nothing of the section is saved and
/// the errors come back (code, question id, arguments) so the page can show them next to the fields;
/// everything saved before stays as it was. Saving a skipped section un-skips it.
/// </summary>
public sealed class SaveSectionAnswers(CoProduceDbContext db, TimeProvider time, DraftAccess drafts)
{
    public async Task<Result<SectionSaved>> HandleAsync(SaveSectionAnswersRequest request, CancellationToken cancellationToken = default)
    {
        var found = await drafts.FindWritableAsync(db, request.SessionToken, cancellationToken);
        if (found.IsFailure)
        {
            return Result<SectionSaved>.Failure(found.Errors);
        }

        var (draft, consultation) = found.Value;
        var section = consultation.FindSection(request.SectionId);
        if (section is null)
        {
            return new Error(ErrorCodes.SectionNotFound, request.SectionId.Value);
        }

        var validation = AnswerValidator.ValidateSection(
            consultation.Questionnaire, consultation.Jurisdiction, section, draft.Answers.Answers, request.Values);
        if (!validation.IsValid)
        {
            return Result<SectionSaved>.Failure(validation.Errors);
        }

        draft.SaveSection(section, validation.Answers, DraftAccess.Today(time));
        await db.SaveChangesAsync(cancellationToken);
        var next = new DraftView(consultation, draft.Answers, draft.SkippedSections, draft.Choices, draft.LastSavedOn, false, true)
            .NextSectionAfter(section.Id);
        return new SectionSaved(validation.Notices, next);
    }
}
