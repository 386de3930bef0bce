using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Responses;

/// <summary>A whole response in one request, as an API client sends it (no draft, no session).</summary>
/// <param name="ConsultationReference">The consultation's public reference.</param>
/// <param name="Values">Values by question id, as the section forms post them (see <see cref="AnswerValidator"/>).</param>
/// <param name="SkippedSections">Content-warned sections the respondent chose to skip.</param>
/// <param name="Choices">How the respondent wants the response treated.</param>
public sealed record CompleteResponseRequest(
    string ConsultationReference,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values,
    IReadOnlyList<SectionId> SkippedSections,
    RespondentChoices Choices);

/// <summary>
/// Submits a complete response without a draft: the one-step equivalent of the web journey (start,
/// answer each section, choose how the response is treated, submit), with the same rules. Every
/// section is validated as its form would be, required questions must be answered unless their
/// section is skipped (only content-warned sections can be), answers to hidden questions and skipped
/// sections are dropped, and the response keeps only the date, the channel (online), the choices and
/// the answers — nothing about the device or the person. Any error rejects the whole response and
/// nothing is stored. The write goes through the <see cref="ResponseCommitter"/> like any online
/// submission. Returns the receipt code that withdraws the response.
/// </summary>
/// <remarks>
/// No read per request when the consultation is in memory: the response is validated against the copy
/// the <see cref="ConsultationCache"/> last read for the reference, and the committer stores it only if
/// the consultation's change stamp is still that copy's, in the transaction that stores it (one read per
/// consultation per batch). When the copy turns out to be out of date — or before any error decided from an
/// unchecked copy is reported — the consultation is read again and the request validated afresh.
/// </remarks>
public sealed class SubmitCompleteResponse(CoProduceDbContext db, TimeProvider time, SecretHasher hasher, ResponseCommitter committer, ConsultationCache consultations)
{
    /// <summary>Fresh reads after which a consultation that keeps changing under the submission is given up on.</summary>
    private const int MaxFreshReads = 5;

    public async Task<Result<SubmittedResponse>> HandleAsync(CompleteResponseRequest request, CancellationToken cancellationToken = default)
    {
        var reference = ConsultationReference.Normalise(request.ConsultationReference);
        if (reference is null)
        {
            return new Error(ErrorCodes.ConsultationNotFound, "consultationReference");
        }

        var consultation = consultations.PeekByReference(reference);
        var checkedNow = false;
        var freshReads = 0;
        while (true)
        {
            if (consultation is null)
            {
                if (++freshReads > MaxFreshReads)
                {
                    throw new InvalidOperationException($"Consultation {reference} kept changing while a response to it was submitted.");
                }

                consultation = await consultations.GetByReferenceAsync(db, reference, cancellationToken);
                checkedNow = true;
                if (consultation is null)
                {
                    return new Error(ErrorCodes.ConsultationNotFound, "consultationReference");
                }
            }

            var prepared = Prepare(consultation, request);
            if (prepared.IsFailure)
            {
                if (!checkedNow)
                {
                    consultation = null; // decided from an unchecked copy: read it and validate again
                    continue;
                }

                return Result<SubmittedResponse>.Failure(prepared.Errors);
            }

            var (response, code) = prepared.Value;
            if (await committer.CommitWholeAsync(response, consultation.ChangeStamp))
            {
                return new SubmittedResponse(code, response.SubmittedOn, consultation.Reference);
            }

            // The consultation changed after this copy was read: nothing was stored.
            consultation = null;
            checkedNow = false;
        }
    }

    /// <summary>The response to store, with its receipt code, or every reason it cannot be.</summary>
    private Result<(Response Response, SecretCode Code)> Prepare(Consultation consultation, CompleteResponseRequest request)
    {
        if (!consultation.IsPublished)
        {
            return new Error(ErrorCodes.ConsultationNotFound, "consultationReference");
        }

        if (!consultation.IsAcceptingResponses(time.GetUtcNow()))
        {
            return new Error(ErrorCodes.ConsultationNotOpen, "consultationReference");
        }

        var errors = new List<Error>();
        var choices = SetRespondentChoices.Normalise(request.Choices);
        errors.AddRange(choices.Errors);
        var sections = consultation.Sections;
        var skipped = new HashSet<SectionId>();
        foreach (var id in request.SkippedSections)
        {
            var section = sections.FirstOrDefault(s => s.Id == id);
            if (section is null)
            {
                errors.Add(new Error(ErrorCodes.SectionNotFound, id.Value));
            }
            else if (!section.CanBeSkipped)
            {
                errors.Add(new Error(ErrorCodes.SectionNotSkippable, id.Value));
            }
            else
            {
                skipped.Add(id);
            }
        }

        var known = consultation.Questionnaire.AllQuestions(consultation.Jurisdiction).Select(x => x.Question.Id.Value).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(request.Values.Keys
            .Where(key => !known.Contains(key))
            .Order(StringComparer.Ordinal)
            .Select(key => new Error(ErrorCodes.AnswerUnknownQuestion, key)));

        // Section by section in order, as the journey saves them: earlier answers decide which later questions show.
        var answers = new Dictionary<QuestionId, Answer>();
        foreach (var section in sections.Where(s => !skipped.Contains(s.Id)))
        {
            var validation = AnswerValidator.ValidateSection(consultation.Questionnaire, consultation.Jurisdiction, section, answers, request.Values);
            errors.AddRange(validation.Errors);
            foreach (var (id, answer) in validation.Answers)
            {
                answers[id] = answer;
            }
        }

        if (errors.Count == 0)
        {
            var missing = AnswerValidator.CheckComplete(consultation.Questionnaire, consultation.Jurisdiction, answers, skipped);
            if (missing.Count > 0)
            {
                errors.AddRange([new Error(ErrorCodes.ResponseIncomplete), .. missing]);
            }
        }

        if (errors.Count > 0)
        {
            return Result<(Response, SecretCode)>.Failure(errors);
        }

        var code = SecretCode.Generate();
        var today = DraftAccess.Today(time);
        var skippedList = sections.Where(s => skipped.Contains(s.Id)).Select(s => s.Id).ToArray();
        var response = new Response(
            ResponseId.New(),
            consultation.Id,
            hasher.Hash(code, SecretPurpose.Receipt),
            today,
            ResponseChannel.Online,
            choices.Value,
            new AnswerSheet(AnswerValidator.Prune(consultation.Questionnaire, consultation.Jurisdiction, answers, skippedList)),
            skippedList);
        return (response, code);
    }
}
