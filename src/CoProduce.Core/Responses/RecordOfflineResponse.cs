using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

/// <summary>A response that arrived by e-mail or post, as staff key it in.</summary>
/// <param name="ReceivedOn">The date it arrived (a date only, like every response).</param>
/// <param name="Values">Posted values by question id for every section, as the section forms post them.</param>
public sealed record OfflineResponseRequest(
    string ConsultationReference,
    ResponseChannel Channel,
    DateOnly ReceivedOn,
    RespondentChoices Choices,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values);

/// <summary>
/// Records a response received by e-mail or post, marked with its channel. Answers are validated
/// as online answers are; it may be keyed in after closing if it arrived before the closing time.
/// Returns a receipt code the staff member can send back so the respondent can withdraw it.
/// </summary>
public sealed class RecordOfflineResponse(CoProduceDbContext db, SecretHasher hasher)
{
    public async Task<Result<SubmittedResponse>> HandleAsync(OfflineResponseRequest request, CancellationToken cancellationToken = default)
    {
        var reference = ConsultationReference.Normalise(request.ConsultationReference);
        var consultation = reference is null
            ? null
            : await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference, cancellationToken);
        if (consultation is not { IsPublished: true })
        {
            return new Error(ErrorCodes.ConsultationNotFound, "reference");
        }

        var built = Build(consultation, request, hasher);
        if (built.IsFailure)
        {
            return Result<SubmittedResponse>.Failure(built.Errors);
        }

        var (response, code) = built.Value;
        db.Responses.Add(response);
        await db.SaveChangesAsync(cancellationToken);
        return new SubmittedResponse(code, request.ReceivedOn, consultation.Reference);
    }

    /// <summary>Checks the answers and makes the response and its receipt code (not yet stored).</summary>
    internal static Result<(Response Response, SecretCode ReceiptCode)> Build(Consultation consultation, OfflineResponseRequest request, SecretHasher hasher)
    {
        if (request.Channel == ResponseChannel.Online)
        {
            return new Error(ErrorCodes.ImportInvalidValue, nameof(request.Channel), ["email or post"]);
        }

        // Only a date is known for a letter or e-mail: anything received on the closing day counts.
        if (request.ReceivedOn > DateOnly.FromDateTime(consultation.ClosesAt.UtcDateTime) || request.ReceivedOn < DateOnly.FromDateTime(consultation.OpensAt.UtcDateTime))
        {
            return new Error(ErrorCodes.ConsultationClosed, nameof(request.ReceivedOn));
        }

        var answers = new Dictionary<QuestionId, Answer>();
        var errors = new List<Error>();
        foreach (var section in consultation.Sections)
        {
            var validation = AnswerValidator.ValidateSection(consultation.Questionnaire, consultation.Jurisdiction, section, answers, request.Values);
            errors.AddRange(validation.Errors);
            foreach (var (id, answer) in validation.Answers)
            {
                answers[id] = answer;
            }
        }

        if (errors.Count > 0)
        {
            return Result<(Response, SecretCode)>.Failure(errors);
        }

        var code = SecretCode.Generate();
        var response = new Response(
            ResponseId.New(),
            consultation.Id,
            hasher.Hash(code, SecretPurpose.Receipt),
            request.ReceivedOn,
            request.Channel,
            request.Choices,
            new AnswerSheet(AnswerValidator.Prune(consultation.Questionnaire, consultation.Jurisdiction, answers, [])),
            []);
        return (response, code);
    }
}
