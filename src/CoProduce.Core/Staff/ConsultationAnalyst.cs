using CoProduce.Core.Consultations;

namespace CoProduce.Core.Staff;

/// <summary>An analyst assigned to a consultation (table <c>consultation_analysts</c>): they may read its responses.</summary>
public sealed class ConsultationAnalyst(ConsultationId consultationId, StaffUserId userId)
{
    public ConsultationId ConsultationId { get; private set; } = consultationId;

    public StaffUserId UserId { get; private set; } = userId;
}
