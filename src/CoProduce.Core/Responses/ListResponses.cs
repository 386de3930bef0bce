using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

/// <summary>A line of the responses list.</summary>
/// <param name="AnswerCount">How many questions it answers.</param>
public sealed record ResponseSummary(
    ResponseId Id,
    DateOnly SubmittedOn,
    ResponseChannel Channel,
    RespondingAs RespondingAs,
    string? OrganisationName,
    int AnswerCount);

/// <param name="Offset">How many to skip (0-based); the API builds its cursors on it.</param>
/// <param name="Limit">At most <see cref="ListResponses.MaxLimit"/>.</param>
public sealed record ListResponsesRequest(ConsultationId ConsultationId, int Offset = 0, int Limit = ListResponses.DefaultLimit);

public sealed record ResponsePage(IReadOnlyList<ResponseSummary> Items, int Offset, int Limit, int Total)
{
    public bool HasMore => Offset + Items.Count < Total;
}

/// <summary>
/// The responses of a consultation, newest first, a page at a time (ReadResponses permission). Only
/// what a response holds is listed: a date, the channel and the respondent's own choices.
/// </summary>
public sealed class ListResponses(CoProduceDbContext db, ConsultationAccess access)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public async Task<Result<ResponsePage>> HandleAsync(StaffActor actor, ListResponsesRequest request, CancellationToken ct = default)
    {
        var found = await access.AuthorizeAsync(actor, request.ConsultationId, ConsultationPermission.ReadResponses, ct);
        if (found.IsFailure)
        {
            return Result<ResponsePage>.Failure(found.Errors);
        }

        var offset = Math.Max(0, request.Offset);
        var limit = Math.Clamp(request.Limit, 1, MaxLimit);
        var all = db.Responses.AsNoTracking().Where(r => r.ConsultationId == request.ConsultationId);
        var total = await all.CountAsync(ct);
        var page = await all
            .OrderByDescending(r => r.SubmittedOn)
            .ThenBy(r => r.Id)
            .Skip(offset)
            .Take(limit)
            .ToListAsync(ct);
        var items = page
            .Select(r => new ResponseSummary(r.Id, r.SubmittedOn, r.Channel, r.Choices.RespondingAs, r.Choices.OrganisationName, r.Answers.Answers.Count))
            .ToArray();
        return new ResponsePage(items, offset, limit, total);
    }
}
