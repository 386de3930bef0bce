using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Consultations;

/// <summary>What a list of consultations shows about each one.</summary>
public sealed record ConsultationSummary(
    string Reference,
    LocalizedText Title,
    LocalizedText Summary,
    LocalizedText IssuingBody,
    DateOnly IssuedOn,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    Audience Audience,
    Jurisdiction Jurisdiction,
    CommissioningPhase Phase)
{
    public static ConsultationSummary From(Consultation c) => new(
        c.Reference, c.Details.Title, c.Details.Summary, c.Details.IssuingBody, c.IssuedOn, c.OpensAt, c.ClosesAt, c.Audience, c.Jurisdiction, c.Phase);
}

/// <summary>The consultations open now to anyone with the link (not invite-only), closing soonest first.</summary>
public sealed class ListOpenConsultations(CoProduceDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ConsultationSummary>> HandleAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).Select(ConsultationSummary.From).ToArray();

    /// <summary>The same consultations in full (with their questionnaires), for callers that show more than a summary.</summary>
    public async Task<IReadOnlyList<Consultation>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var candidates = await db.Consultations.AsNoTracking()
            .Where(c => (c.Status == ConsultationStatus.Scheduled || c.Status == ConsultationStatus.Open)
                && c.OpensAt <= now && c.ClosesAt > now && c.Audience != Audience.InviteOnly)
            .ToListAsync(cancellationToken);
        return candidates
            .Where(c => c.IsAcceptingResponses(now))
            .OrderBy(c => c.ClosesAt)
            .ThenBy(c => c.Reference, StringComparer.Ordinal)
            .ToArray();
    }
}
