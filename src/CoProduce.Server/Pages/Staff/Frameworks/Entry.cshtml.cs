using System.Globalization;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using CoProduce.Server.Hubs;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Pages.Staff.Workshops;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Pages.Staff.Frameworks;

/// <summary>What a framework entry form is about.</summary>
public enum EntryKind
{
    Outcome,
    Indicator,
    Measure,
}

/// <summary>
/// Add or change one entry of an outcome framework (an outcome with its Welsh well-being mapping, an
/// indicator with its type and reporting, a measure with its target), or remove it, through
/// <see cref="EditOutcomeFramework"/>: every change is a new version. The form carries the version it
/// was opened at; if someone changed the framework since, the change is refused with a message and
/// the typed words stay in the form, next to what is saved now. Opened from a workshop's run page
/// (<c>?workshop=</c>), the version records the workshop, the room is told, and the page goes back there.
/// </summary>
public sealed class EntryModel(ICurrentStaff staff, GetOutcomeFramework get, EditOutcomeFramework edit, GetWorkshopDetails workshops, WorkshopNotifier notifier, CoProduceDbContext db, Text text) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "operation")]
    public FrameworkOperation Operation { get; set; }

    [FromQuery(Name = "key")]
    public string? Key { get; set; }

    [FromQuery(Name = "workshop")]
    public Guid? Workshop { get; set; }

    public PageErrors Errors { get; } = new();

    public FormValues Values { get; private set; } = FormValues.Empty;

    public FrameworkView? View { get; private set; }

    public EntryKind Kind => Operation switch
    {
        FrameworkOperation.AddOutcome or FrameworkOperation.UpdateOutcome or FrameworkOperation.RemoveOutcome => EntryKind.Outcome,
        FrameworkOperation.AddIndicator or FrameworkOperation.UpdateIndicator or FrameworkOperation.RemoveIndicator => EntryKind.Indicator,
        _ => EntryKind.Measure,
    };

    public bool IsUpdate => Operation is FrameworkOperation.UpdateOutcome or FrameworkOperation.UpdateIndicator or FrameworkOperation.UpdateMeasure;

    /// <summary>The version the form was opened at (posted back, so a later change elsewhere is noticed).</summary>
    public int BasedOnVersion { get; private set; }

    /// <summary>The entry as saved now (changing or removing), or its parent (adding an indicator or measure).</summary>
    public FrameworkText? SavedText { get; private set; }

    /// <summary>Shown after a refusal because someone else changed the framework.</summary>
    public bool ChangedElsewhere { get; private set; }

    public IReadOnlyList<WellbeingReferenceItem> Goals { get; private set; } = [];

    public IReadOnlyList<WellbeingReferenceItem> Ways { get; private set; } = [];

    public bool ShowsWellbeing => Kind == EntryKind.Outcome && View?.Framework.Jurisdiction == Jurisdiction.Wales;

    public string ReturnPath => Workshop is { } w
        ? $"{Prefix}/staff/workshops/{w}"
        : $"{Prefix}/staff/frameworks/{Id}";

    private string Prefix => text.IsWelsh ? "/cy" : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }

        Values = InitialValues();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => SaveAsync(remove: false, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) => SaveAsync(remove: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(bool remove, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not null || staff.Actor is not { } actor)
        {
            return loaded ?? NotFound();
        }

        var form = Request.Form;
        Values = FormValues.From(form);
        var seen = int.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : BasedOnVersion;
        var operation = remove
            ? Kind switch { EntryKind.Outcome => FrameworkOperation.RemoveOutcome, EntryKind.Indicator => FrameworkOperation.RemoveIndicator, _ => FrameworkOperation.RemoveMeasure }
            : Operation;
        var change = new FrameworkEdit(
            operation,
            Key,
            new FrameworkText(form["statement-en"].ToString(), form["statement-cy"].ToString()),
            form["goals"].Where(g => g is not null).Select(g => g!).ToList(),
            form["ways"].Where(w => w is not null).Select(w => w!).ToList(),
            Parse(form["type"], IndicatorType.Outcome),
            Parse(form["nature"], IndicatorNature.Subjective),
            form["dataSource"].ToString(),
            Parse(form["frequency"], ReportingFrequency.Quarterly),
            form["whoReports"].ToString(),
            form["target"].ToString(),
            seen);
        var workshopId = await WorkshopOfActorAsync(cancellationToken);
        var saved = await edit.HandleAsync(actor, new OutcomeFrameworkId(Id), change, workshopId, cancellationToken);
        if (saved.IsSuccess)
        {
            if (workshopId is { } w)
            {
                await notifier.RoomChangedAsync(w, participantsToo: true);
            }

            return Redirect(ReturnPath);
        }

        if (saved.FirstError?.Code == ErrorCodes.WorkshopForbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        foreach (var error in saved.Errors)
        {
            Errors.Add(FieldError.From(error, text, FieldId(error.Path)));
        }

        // Refused because the framework moved on: the form now builds on what is saved, so that
        // sending it again applies the typed words to the current version.
        ChangedElsewhere = saved.FirstError?.Code == ErrorCodes.FrameworkChangedElsewhere;
        if (!ChangedElsewhere)
        {
            BasedOnVersion = seen;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor || !Enum.IsDefined(Operation))
        {
            return NotFound();
        }

        var view = await get.HandleAsync(actor, new OutcomeFrameworkId(Id), null, cancellationToken);
        if (!view.TryGetValue(out var v))
        {
            return NotFound();
        }

        View = v;
        BasedOnVersion = v.Version;
        var found = Find(v.Document);
        if (found is null && Operation != FrameworkOperation.AddOutcome)
        {
            return NotFound();
        }

        SavedText = found;
        var reference = (await db.WellbeingReference.AsNoTracking().ToListAsync(cancellationToken)).Select(r => r.ToDomain()).OrderBy(r => r.SortOrder).ToList();
        Goals = reference.Where(r => r.Kind == WellbeingReferenceKind.Goal).ToList();
        Ways = reference.Where(r => r.Kind == WellbeingReferenceKind.WayOfWorking).ToList();
        return null;
    }

    /// <summary>The text of the entry <see cref="Key"/> names, or null when there is none.</summary>
    private FrameworkText? Find(FrameworkDocument document)
    {
        foreach (var outcome in document.Outcomes)
        {
            if (outcome.Key == Key)
            {
                return outcome.Statement;
            }

            foreach (var indicator in outcome.Indicators)
            {
                if (indicator.Key == Key)
                {
                    return indicator.Statement;
                }

                if (indicator.Measures.FirstOrDefault(m => m.Key == Key) is { } measure)
                {
                    return measure.Description;
                }
            }
        }

        return null;
    }

    private FormValues InitialValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type"] = nameof(IndicatorType.Outcome),
            ["nature"] = nameof(IndicatorNature.Subjective),
            ["frequency"] = nameof(ReportingFrequency.Quarterly),
        };
        if (!IsUpdate || View is null)
        {
            return new FormValues(values);
        }

        var outcomes = View.Document.Outcomes;
        var text = SavedText ?? new FrameworkText("", "");
        values["statement-en"] = text.En;
        values["statement-cy"] = text.Cy;
        if (outcomes.FirstOrDefault(o => o.Key == Key) is { } outcome)
        {
            values["goals"] = string.Join(",", outcome.WellbeingGoals);
            values["ways"] = string.Join(",", outcome.WaysOfWorking);
        }

        var indicators = outcomes.SelectMany(o => o.Indicators).ToList();
        if (indicators.FirstOrDefault(i => i.Key == Key) is { } indicator)
        {
            values["type"] = indicator.Type.ToString();
            values["nature"] = indicator.Nature.ToString();
            values["dataSource"] = indicator.DataSource ?? "";
            values["frequency"] = indicator.Frequency.ToString();
            values["whoReports"] = indicator.WhoReports ?? "";
        }

        if (indicators.SelectMany(i => i.Measures).FirstOrDefault(m => m.Key == Key) is { } measure)
        {
            values["target"] = measure.Target ?? "";
        }

        return new FormValues(values);
    }

    /// <summary>The workshop named in the address, if this person facilitates it (otherwise none is recorded).</summary>
    private async Task<WorkshopId?> WorkshopOfActorAsync(CancellationToken cancellationToken)
    {
        if (Workshop is not { } w || staff.Actor is not { } actor)
        {
            return null;
        }

        var found = await workshops.HandleAsync(actor, new WorkshopId(w), cancellationToken);
        return found.IsSuccess ? new WorkshopId(w) : null;
    }

    private string? FieldId(string? path) => path switch
    {
        "text" => "statement-en",
        "wellbeing" => "goals",
        "details" => Kind == EntryKind.Measure ? "target" : "dataSource",
        _ => null,
    };

    private static T Parse<T>(string? value, T fallback)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : fallback;
}
