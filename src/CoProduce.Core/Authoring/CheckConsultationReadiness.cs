using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

/// <param name="Problems">Each with a JSON path (as in an exported definition) saying where it is.</param>
public sealed record ReadinessReport(Consultation Consultation, IReadOnlyList<Error> Problems)
{
    public bool IsReady => Problems.Count == 0;
}

/// <summary>
/// Lists every missing English or Welsh text and every other blocker (see
/// <see cref="ConsultationReadiness"/>). Submitting for approval, approving, scheduling and opening are
/// refused while it lists anything.
/// </summary>
public sealed class CheckConsultationReadiness(ConsultationAccess access, ConsultationChanges changes)
{
    public async Task<Result<ReadinessReport>> HandleAsync(StaffActor actor, ConsultationId id, CancellationToken ct = default)
    {
        var found = await access.AuthorizeAsync(actor, id, ConsultationPermission.View, ct);
        if (found.IsFailure)
        {
            return Result<ReadinessReport>.Failure(found.Errors);
        }

        return new ReadinessReport(found.Value, await changes.ReadinessProblemsAsync(found.Value, changes.Now, ct));
    }
}
