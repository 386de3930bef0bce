using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Authoring;

public sealed record SetEqualityMonitoringRequest(ConsultationId ConsultationId, bool On);

/// <summary>
/// Switches the built-in equality monitoring section on or off. Drafts only.
/// </summary>
public sealed class SetEqualityMonitoring(ConsultationChanges changes)
{
    public Task<Result<Consultation>> HandleAsync(StaffActor actor, SetEqualityMonitoringRequest request, CancellationToken ct = default) =>
        changes.EditQuestionnaireAsync(actor, request.ConsultationId, q => QuestionnaireEdits.SetEqualityMonitoring(q, request.On), ct);
}
