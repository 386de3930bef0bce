using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Workshops;

/// <param name="Options">Poll options, or items to dot-vote on or rank (ids are assigned here).</param>
/// <param name="SourceActivityId">Dot voting or ranking over an idea board's approved ideas instead of options.</param>
/// <param name="FrameworkId">Outcome framework: continue this one; null starts a new framework.</param>
public sealed record ActivityDraft(
    ActivityKind Kind,
    LocalizedText? Title,
    LocalizedText? Prompt = null,
    LocalizedText? ContentWarning = null,
    IReadOnlyList<LocalizedText>? Options = null,
    bool MultipleChoice = false,
    int Dots = 3,
    bool PreModeration = false,
    ActivityId? SourceActivityId = null,
    OutcomeFrameworkId? FrameworkId = null);

/// <summary>
/// A facilitator adds an activity, in advance or on the fly during the session. An outcome framework
/// activity starts a new framework or continues one of the organisation's existing frameworks.
/// </summary>
public sealed class AddActivity(CoProduceDbContext db, WorkshopAccess access, IAuditLog audit)
{
    public async Task<Result<ActivityId>> HandleAsync(StaffActor actor, WorkshopId workshopId, ActivityDraft draft, CancellationToken cancellationToken = default)
    {
        var authorized = await access.AuthorizeChangeAsync(actor, workshopId, cancellationToken);
        if (!authorized.TryGetValue(out var workshop))
        {
            return Result<ActivityId>.Failure(authorized.Errors);
        }

        var validated = await ValidateAsync(db, workshop, draft, null, cancellationToken);
        if (!validated.TryGetValue(out var v))
        {
            return Result<ActivityId>.Failure(validated.Errors);
        }

        var (title, prompt, warning, settings) = v;

        if (draft.Kind == ActivityKind.OutcomeFramework && settings.FrameworkId is null)
        {
            var framework = new OutcomeFramework(OutcomeFrameworkId.New(), title, workshop.Jurisdiction, workshop.OwnerOrganisationId);
            db.OutcomeFrameworks.Add(framework);
            settings = settings with { FrameworkId = framework.Id };
        }

        var number = await db.WorkshopActivities.Where(a => a.WorkshopId == workshopId).Select(a => (int?)a.Number).MaxAsync(cancellationToken) ?? 0;
        var activity = new WorkshopActivity(ActivityId.New(), workshopId, number + 1, draft.Kind, title, prompt, warning, settings);
        db.WorkshopActivities.Add(activity);
        workshop.Touch();
        await audit.RecordAsync(actor, WorkshopAudit.AddActivity, WorkshopAudit.SubjectWorkshop, workshopId.ToString(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another facilitator added an activity (same number) or changed the workshop meanwhile.
            return new Error(ErrorCodes.WorkshopChangedElsewhere);
        }

        return activity.Id;
    }

    internal sealed record ValidActivity(LocalizedText Title, LocalizedText? Prompt, LocalizedText? ContentWarning, ActivitySettings Settings);

    /// <summary>Checks a draft's text and settings (shared with <see cref="EditActivity"/>, which passes the activity being edited).</summary>
    internal static async Task<Result<ValidActivity>> ValidateAsync(CoProduceDbContext db, Workshop workshop, ActivityDraft draft, ActivityId? editing, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var title = WorkshopText.Required(draft.Title, "title", WorkshopText.MaxTitle, errors);
        var prompt = WorkshopText.Optional(draft.Prompt, "prompt", WorkshopText.MaxLong, errors);
        var warning = WorkshopText.Optional(draft.ContentWarning, "contentWarning", WorkshopText.MaxLong, errors);
        var settings = await SettingsAsync(db, workshop, draft, editing, errors, cancellationToken);
        if (errors.Count > 0 || title is null || settings is null)
        {
            return Result<ValidActivity>.Failure(errors);
        }

        return new ValidActivity(title, prompt, warning, settings);
    }

    private static async Task<ActivitySettings?> SettingsAsync(CoProduceDbContext db, Workshop workshop, ActivityDraft draft, ActivityId? editing, List<Error> errors, CancellationToken cancellationToken)
    {
        var options = new List<ActivityOption>();
        foreach (var (label, i) in (draft.Options ?? []).Select((o, i) => (o, i)))
        {
            var text = WorkshopText.Required(label, $"options[{i}]", WorkshopText.MaxTitle, errors);
            if (text is not null)
            {
                options.Add(new ActivityOption($"o{i + 1}", text));
            }
        }

        var settings = new ActivitySettings { PreModeration = draft.PreModeration };
        switch (draft.Kind)
        {
            case ActivityKind.Poll:
                if (options.Count is < 2 or > ActivitySettings.MaxOptions)
                {
                    errors.Add(new Error(ErrorCodes.ActivityOptionsInvalid, "options", [ActivitySettings.MaxOptions]));
                }

                return settings with { Options = options, MultipleChoice = draft.MultipleChoice };

            case ActivityKind.DotVoting or ActivityKind.Ranking:
                if (draft.Kind == ActivityKind.DotVoting && draft.Dots is < 1 or > ActivitySettings.MaxDots)
                {
                    errors.Add(new Error(ErrorCodes.ActivityDotsInvalid, "dots", [ActivitySettings.MaxDots]));
                }

                if (draft.SourceActivityId is { } source)
                {
                    var isBoard = source != editing && await db.WorkshopActivities.AnyAsync(a => a.Id == source && a.WorkshopId == workshop.Id && a.Kind == ActivityKind.IdeaBoard, cancellationToken);
                    if (!isBoard)
                    {
                        errors.Add(new Error(ErrorCodes.ActivityNotFound, "sourceActivityId"));
                    }

                    return settings with { SourceActivityId = source, Dots = draft.Dots };
                }

                if (options.Count is < 2 or > ActivitySettings.MaxOptions)
                {
                    errors.Add(new Error(ErrorCodes.ActivityOptionsInvalid, "options", [ActivitySettings.MaxOptions]));
                }

                return settings with { Options = options, Dots = draft.Dots };

            case ActivityKind.OutcomeFramework when draft.FrameworkId is { } frameworkId:
                var owned = await db.OutcomeFrameworks.AnyAsync(f => f.Id == frameworkId && f.OwnerOrganisationId == workshop.OwnerOrganisationId, cancellationToken);
                if (!owned)
                {
                    errors.Add(new Error(ErrorCodes.FrameworkNotFound, "frameworkId"));
                }

                return settings with { FrameworkId = frameworkId };

            default:
                return settings;
        }
    }
}
