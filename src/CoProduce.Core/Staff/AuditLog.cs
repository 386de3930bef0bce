using CoProduce.Core.Organisations;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Staff;

/// <summary>
/// Who did what to which object, for staff actions only (never respondents). Use-case handlers call
/// <see cref="RecordAsync"/> before their <c>SaveChangesAsync</c>, so the entry is written in the same
/// unit of work as the change: both are saved, or neither.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(StaffActor actor, string action, string subjectType, string subjectId, CancellationToken ct);
}

/// <summary>One line of the audit log (table <c>audit_entries</c>).</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        // For EF Core materialisation.
        Action = "";
        SubjectType = "";
        SubjectId = "";
    }

    public AuditEntry(Guid id, DateTimeOffset occurredAt, StaffUserId actorUserId, OrganisationId organisationId, string action, string subjectType, string subjectId)
    {
        Id = id;
        OccurredAt = occurredAt.ToUniversalTime();
        ActorUserId = actorUserId;
        OrganisationId = organisationId;
        Action = action;
        SubjectType = subjectType;
        SubjectId = subjectId;
    }

    public Guid Id { get; private set; }

    /// <summary>When (UTC). Precise on purpose: these are staff actions, not responses.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public StaffUserId ActorUserId { get; private set; }

    public OrganisationId OrganisationId { get; private set; }

    /// <summary>A stable verb such as <c>consultation.approve</c> (see <see cref="AuditActions"/>).</summary>
    public string Action { get; private set; }

    /// <summary>The kind of object acted on, e.g. <c>consultation</c>, <c>staff-user</c>.</summary>
    public string SubjectType { get; private set; }

    public string SubjectId { get; private set; }
}

/// <summary>The audit log on the same <see cref="CoProduceDbContext"/> as the use case's change.</summary>
public sealed class AuditLog(CoProduceDbContext db, TimeProvider time) : IAuditLog
{
    public Task RecordAsync(StaffActor actor, string action, string subjectType, string subjectId, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry(Guid.CreateVersion7(), time.GetUtcNow(), actor.UserId, actor.OrganisationId, action, subjectType, subjectId));
        return Task.CompletedTask;
    }
}

/// <summary>Action and subject names used by the staff use cases (other features add their own).</summary>
public static class AuditActions
{
    public const string OrganisationCreate = "organisation.create";
    public const string OrganisationUpdate = "organisation.update";
    public const string StaffUserCreate = "staff-user.create";
    public const string StaffUserDisable = "staff-user.disable";
    public const string StaffUserEnable = "staff-user.enable";
    public const string StaffUserResetPassword = "staff-user.reset-password";
    public const string StaffUserRoles = "staff-user.roles";
    public const string StaffUserTwoFactorEnable = "staff-user.two-factor-enable";
    public const string StaffUserTwoFactorDisable = "staff-user.two-factor-disable";
    public const string StaffUserRecoveryCodes = "staff-user.recovery-codes";
    public const string StaffUserPasskeyAdd = "staff-user.passkey-add";
    public const string StaffUserPasskeyRename = "staff-user.passkey-rename";
    public const string StaffUserPasskeyRemove = "staff-user.passkey-remove";
    public const string AnalystAssign = "consultation.assign-analyst";
    public const string AnalystUnassign = "consultation.unassign-analyst";
    public const string ApiTokenCreate = "api-token.create";
    public const string ApiTokenRevoke = "api-token.revoke";

    public const string SubjectOrganisation = "organisation";
    public const string SubjectStaffUser = "staff-user";
    public const string SubjectConsultation = "consultation";
    public const string SubjectApiToken = "api-token";
}
