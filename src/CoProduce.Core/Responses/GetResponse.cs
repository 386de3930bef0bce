using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

public sealed record GetResponseRequest(ConsultationId ConsultationId, ResponseId ResponseId);

/// <summary>A response with the consultation it answers, to show question by question.</summary>
public sealed record ResponseView(Consultation Consultation, Response Response);

/// <summary>
/// One response of a consultation (ReadResponses permission). Free text in it is the respondent's
/// own: callers show it only as encoded plain text, never as markup.
/// </summary>
public sealed class GetResponse(CoProduceDbContext db, ConsultationAccess access)
{
    public async Task<Result<ResponseView>> HandleAsync(StaffActor actor, GetResponseRequest request, CancellationToken ct = default)
    {
        var found = await access.AuthorizeAsync(actor, request.ConsultationId, ConsultationPermission.ReadResponses, ct);
        if (found.IsFailure)
        {
            return Result<ResponseView>.Failure(found.Errors);
        }

        var response = await db.Responses.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == request.ResponseId && r.ConsultationId == request.ConsultationId, ct);
        return response is null ? new Error(ErrorCodes.ResponseNotFound) : new ResponseView(found.Value, response);
    }
}
