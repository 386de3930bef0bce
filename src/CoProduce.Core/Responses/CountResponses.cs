using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

/// <param name="DraftsInProgress">Half-written online responses not yet submitted (they hold no identity either).</param>
public sealed record ResponseCounts(int Total, int Online, int Email, int Post, int DraftsInProgress);

/// <summary>How many responses a consultation has, by channel, and drafts in progress (ReadResponses permission).</summary>
public sealed class CountResponses(CoProduceDbContext db, ConsultationAccess access)
{
    public async Task<Result<ResponseCounts>> HandleAsync(StaffActor actor, ConsultationId id, CancellationToken ct = default)
    {
        var found = await access.AuthorizeAsync(actor, id, ConsultationPermission.ReadResponses, ct);
        if (found.IsFailure)
        {
            return Result<ResponseCounts>.Failure(found.Errors);
        }

        var byChannel = await db.Responses.AsNoTracking()
            .Where(r => r.ConsultationId == id)
            .GroupBy(r => r.Channel)
            .Select(g => new { Channel = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var drafts = await db.Drafts.AsNoTracking().CountAsync(d => d.ConsultationId == id && !d.Submitted, ct);
        int Of(ResponseChannel channel) => byChannel.Where(c => c.Channel == channel).Sum(c => c.Count);
        return new ResponseCounts(byChannel.Sum(c => c.Count), Of(ResponseChannel.Online), Of(ResponseChannel.Email), Of(ResponseChannel.Post), drafts);
    }
}
