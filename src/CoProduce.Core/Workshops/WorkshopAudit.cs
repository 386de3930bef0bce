namespace CoProduce.Core.Workshops;

/// <summary>
/// Audit actions of workshop use cases. The subject is always the workshop or the framework, never a
/// contribution or a participant: a precise time next to a contribution's id would time what someone
/// said, which the privacy rules forbid.
/// </summary>
public static class WorkshopAudit
{
    public const string SubjectWorkshop = "workshop";
    public const string SubjectFramework = "outcome-framework";

    public const string Create = "workshop.create";
    public const string Update = "workshop.update";
    public const string ReplaceJoinCode = "workshop.replace-join-code";
    public const string AddActivity = "workshop.add-activity";
    public const string EditActivity = "workshop.edit-activity";
    public const string MoveActivity = "workshop.move-activity";
    public const string RemoveActivity = "workshop.remove-activity";
    public const string Control = "workshop.control";
    public const string ManageParticipant = "workshop.manage-participant";
    public const string Moderate = "workshop.moderate";
    public const string EditFramework = "outcome-framework.edit";
}
