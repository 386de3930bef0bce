using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Responses;

/// <param name="ReceiptCode">Show once; it withdraws the response and cannot be shown again.</param>
public sealed record SubmittedResponse(SecretCode ReceiptCode, DateOnly SubmittedOn, string ConsultationReference);

/// <summary>
/// Turns the draft into a response. Only answers to questions that are visible and not in skipped
/// sections are kept. The response stores the date (not the time), the channel, the choices and the
/// answers. The draft keeps no answers afterwards; a second submission of it (double click, back
/// button, a resumed code) gets <c>Error.Response.AlreadySubmitted</c>. A closed consultation gets
/// <c>Error.Consultation.Closed</c> and the draft is left untouched. The write goes through the
/// <see cref="ResponseCommitter"/>, which commits concurrent submissions in one transaction.
/// </summary>
public sealed class SubmitResponse(CoProduceDbContext db, TimeProvider time, SecretHasher hasher, ResponseCommitter committer, DraftAccess drafts)
{
    public async Task<Result<SubmittedResponse>> HandleAsync(SessionToken sessionToken, CancellationToken cancellationToken = default)
    {
        var found = await drafts.FindWritableAsync(db, sessionToken, cancellationToken);
        if (found.IsFailure)
        {
            return Result<SubmittedResponse>.Failure(found.Errors);
        }

        var (draft, consultation) = found.Value;
        var missing = AnswerValidator.CheckComplete(consultation.Questionnaire, consultation.Jurisdiction, draft.Answers.Answers, draft.SkippedSections);
        if (missing.Count > 0)
        {
            return Result<SubmittedResponse>.Failure([new Error(ErrorCodes.ResponseIncomplete), .. missing]);
        }

        var answers = AnswerValidator.Prune(consultation.Questionnaire, consultation.Jurisdiction, draft.Answers.Answers, draft.SkippedSections);
        var code = SecretCode.Generate();
        var today = DraftAccess.Today(time);
        var response = new Response(
            ResponseId.New(),
            consultation.Id,
            hasher.Hash(code, SecretPurpose.Receipt),
            today,
            ResponseChannel.Online,
            draft.Choices,
            new AnswerSheet(answers),
            draft.SkippedSections);

        // Committed together with concurrent submissions, and acknowledged only once committed.
        var accepted = await committer.CommitAsync(draft.Id, response);

        db.ChangeTracker.Clear();
        return accepted
            ? new SubmittedResponse(code, today, consultation.Reference)
            : new Error(ErrorCodes.ResponseAlreadySubmitted);
    }
}
