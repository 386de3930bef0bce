using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Authoring;

/// <summary>
/// The unit of work every authoring use case shares: load the consultation through
/// <see cref="ConsultationAccess"/>, apply the change, record it in the audit log and save both
/// together. A refused or failed change saves nothing.
/// </summary>
public sealed class ConsultationChanges(CoProduceDbContext db, ConsultationAccess access, IAuditLog audit, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Authorises, applies <paramref name="change"/>, audits <paramref name="action"/> and saves.</summary>
    public async Task<Result<Consultation>> ApplyAsync(
        StaffActor actor,
        ConsultationId id,
        ConsultationPermission permission,
        string action,
        Func<Consultation, DateTimeOffset, Task<Result>> change,
        CancellationToken ct)
    {
        var found = await access.AuthorizeAsync(actor, id, permission, ct);
        if (found.IsFailure)
        {
            return found;
        }

        var consultation = found.Value;
        var changed = await change(consultation, time.GetUtcNow());
        if (changed.IsFailure)
        {
            // Nothing is saved: the scope's context is dropped with the request.
            db.ChangeTracker.Clear();
            return Result<Consultation>.Failure(changed.Errors);
        }

        await audit.RecordAsync(actor, action, AuditActions.SubjectConsultation, id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        return consultation;
    }

    /// <inheritdoc cref="ApplyAsync(StaffActor, ConsultationId, ConsultationPermission, string, Func{Consultation, DateTimeOffset, Task{Result}}, CancellationToken)"/>
    public Task<Result<Consultation>> ApplyAsync(
        StaffActor actor,
        ConsultationId id,
        ConsultationPermission permission,
        string action,
        Func<Consultation, DateTimeOffset, Result> change,
        CancellationToken ct) =>
        ApplyAsync(actor, id, permission, action, (c, now) => Task.FromResult(change(c, now)), ct);

    /// <summary>Edits the questionnaire with one of <see cref="QuestionnaireEdits"/>, within the editing rules.</summary>
    public Task<Result<Consultation>> EditQuestionnaireAsync(
        StaffActor actor,
        ConsultationId id,
        Func<Questionnaire, Result<Questionnaire>> edit,
        CancellationToken ct) =>
        ApplyAsync(actor, id, ConsultationPermission.Edit, AuthoringAuditActions.EditQuestionnaire, (c, now) =>
        {
            var edited = edit(c.Questionnaire);
            return edited.IsFailure ? Result.Failure(edited.Errors) : c.UpdateQuestionnaire(edited.Value, now);
        }, ct);

    /// <summary>
    /// A lifecycle move that publishes (submit for approval, approve, schedule, open): refused with
    /// <see cref="ErrorCodes.ConsultationNotReady"/> and the problems while the readiness check fails.
    /// </summary>
    public Task<Result<Consultation>> PublishAsync(
        StaffActor actor,
        ConsultationId id,
        ConsultationPermission permission,
        string action,
        Func<Consultation, DateTimeOffset, Result> move,
        CancellationToken ct) =>
        ApplyAsync(actor, id, permission, action, async (c, now) =>
        {
            var problems = await ReadinessProblemsAsync(c, now, ct);
            return problems.Count > 0
                ? Result.Failure([new Error(ErrorCodes.ConsultationNotReady), .. problems])
                : move(c, now);
        }, ct);

    /// <summary>The readiness check against the forms of violence the database knows.</summary>
    public async Task<IReadOnlyList<Error>> ReadinessProblemsAsync(Consultation consultation, DateTimeOffset now, CancellationToken ct)
    {
        var known = await db.FormsOfViolence.AsNoTracking().Select(f => f.Code).ToListAsync(ct);
        return ConsultationReadiness.Check(consultation, now, known);
    }

    /// <summary>True when another consultation already has this (normalised) reference.</summary>
    public Task<bool> ReferenceTakenAsync(string reference, ConsultationId? except, CancellationToken ct)
    {
        var others = db.Consultations.Where(c => c.Reference == reference);
        if (except is { } id)
        {
            others = others.Where(c => c.Id != id);
        }

        return others.AnyAsync(ct);
    }
}

/// <summary>Audit actions of the authoring and response-management use cases.</summary>
public static class AuthoringAuditActions
{
    public const string Create = "consultation.create";
    public const string Import = "consultation.import";
    public const string UpdateSettings = "consultation.update-settings";
    public const string UpdateDetails = "consultation.update-details";
    public const string EditQuestionnaire = "consultation.edit-questionnaire";
    public const string SubmitForApproval = "consultation.submit-for-approval";
    public const string Approve = "consultation.approve";
    public const string ReturnToDraft = "consultation.return-to-draft";
    public const string Schedule = "consultation.schedule";
    public const string Open = "consultation.open";
    public const string CloseEarly = "consultation.close-early";
    public const string ExtendClosingDate = "consultation.extend-closing-date";
    public const string Reopen = "consultation.reopen";
    public const string Archive = "consultation.archive";
    public const string KeyInResponse = "response.key-in";
    public const string DeleteResponse = "response.delete";

    public const string SubjectResponse = "response";
}
