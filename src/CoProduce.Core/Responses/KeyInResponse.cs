using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Responses;

/// <param name="Channel">E-mail or post (never online).</param>
/// <param name="ReceivedOn">The date it arrived; on or before the closing day.</param>
/// <param name="Values">Answers by question id, as the section forms post them.</param>
public sealed record KeyInResponseRequest(
    ConsultationId ConsultationId,
    ResponseChannel Channel,
    DateOnly ReceivedOn,
    RespondentChoices Choices,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values);

/// <summary>
/// Staff key in a response received by e-mail or post, marked with its channel and checked as an
/// online response is. Audited (who keyed it in, not what it says). Returns the receipt code to send
/// back, with which the respondent can withdraw it.
/// </summary>
public sealed class KeyInResponse(CoProduceDbContext db, ConsultationAccess access, IAuditLog audit, SecretHasher hasher, ResponseNotifier notifier)
{
    public async Task<Result<SubmittedResponse>> HandleAsync(StaffActor actor, KeyInResponseRequest request, CancellationToken ct = default)
    {
        var found = await access.AuthorizeAsync(actor, request.ConsultationId, ConsultationPermission.KeyInResponses, ct);
        if (found.IsFailure)
        {
            return Result<SubmittedResponse>.Failure(found.Errors);
        }

        var consultation = found.Value;
        if (!consultation.IsPublished)
        {
            return new Error(ErrorCodes.ConsultationNotOpen);
        }

        var built = RecordOfflineResponse.Build(
            consultation,
            new OfflineResponseRequest(consultation.Reference, request.Channel, request.ReceivedOn, request.Choices, request.Values),
            hasher);
        if (built.IsFailure)
        {
            return Result<SubmittedResponse>.Failure(built.Errors);
        }

        var (response, code) = built.Value;
        db.Responses.Add(response);
        await audit.RecordAsync(actor, AuthoringAuditActions.KeyInResponse, AuthoringAuditActions.SubjectResponse, response.Id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        notifier.Changed(consultation.Id);
        return new SubmittedResponse(code, request.ReceivedOn, consultation.Reference);
    }
}
