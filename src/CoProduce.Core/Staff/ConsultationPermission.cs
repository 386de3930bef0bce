namespace CoProduce.Core.Staff;

/// <summary>What a staff member wants to do with one consultation (see <see cref="ConsultationAccess"/>).</summary>
public enum ConsultationPermission
{
    View,
    Edit,
    ManageLifecycle,
    Approve,
    ReadResponses,
    KeyInResponses,
    DeleteResponses,
    ManageAnalysts,
}
