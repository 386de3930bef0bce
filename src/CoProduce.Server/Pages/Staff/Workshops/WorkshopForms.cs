using System.Globalization;
using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Workshops;

namespace CoProduce.Server.Pages.Staff.Workshops;

/// <summary>
/// What a form shows: what was typed (after a refused post) or what is saved (when it opens).
/// Field names are the form's own (<c>title-en</c>, <c>options</c>…).
/// </summary>
public sealed class FormValues(IReadOnlyDictionary<string, string> values)
{
    public static FormValues Empty { get; } = new(new Dictionary<string, string>());

    public static FormValues From(IFormCollection form) =>
        new(form.Keys.ToDictionary(k => k, k => form[k].ToString(), StringComparer.Ordinal));

    public string this[string field] => values.TryGetValue(field, out var value) ? value : "";

    public bool IsTrue(string field) => this[field] == "true";

    /// <summary>Whether a field sent several times (checkboxes) includes <paramref name="value"/>.</summary>
    public bool Includes(string field, string value) => this[field].Split(',').Contains(value, StringComparer.Ordinal);
}

/// <summary>Reading and filling the workshop details and activity forms (create, edit, run pages).</summary>
public static class WorkshopForms
{
    public static readonly string[] BilingualDetails = ["title", "purpose", "groundRules", "supportInformation"];

    public static WorkshopDetails ReadDetails(IFormCollection form)
    {
        LocalizedText Pair(string field) => new(form[field + "-en"].ToString(), form[field + "-cy"].ToString());
        var scheduled = DateTimeOffset.TryParse($"{form["date"]} {form["time"]}", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : DateTimeOffset.UtcNow;
        return new WorkshopDetails(
            Pair("title"), Pair("purpose"),
            Enum.TryParse<CommissioningPhase>(form["phase"], out var phase) ? phase : CommissioningPhase.Plan,
            form["jurisdiction"] == "England" ? Jurisdiction.England : Jurisdiction.Wales,
            scheduled, Pair("groundRules"), Pair("supportInformation"),
            form["admission"] == "true",
            form["consultation"].ToString());
    }

    public static FormValues DetailsValues(WorkshopDetails details)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["phase"] = details.Phase.ToString(),
            ["jurisdiction"] = details.Jurisdiction.ToString(),
            ["date"] = details.ScheduledAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["time"] = details.ScheduledAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["admission"] = details.AdmissionRequired ? "true" : "",
            ["consultation"] = details.ConsultationReference ?? "",
        };
        foreach (var (field, text) in new[] { ("title", details.Title), ("purpose", details.Purpose), ("groundRules", details.GroundRules), ("supportInformation", details.SupportInformation) })
        {
            values[field + "-en"] = text?.En ?? "";
            values[field + "-cy"] = text?.Cy ?? "";
        }

        return new FormValues(values);
    }

    /// <summary>The form field a details error belongs to (bilingual fields: the English box).</summary>
    public static string? DetailsFieldId(string? path) => path switch
    {
        "consultationReference" => "consultation",
        not null when BilingualDetails.Contains(path) => path + "-en",
        _ => path,
    };

    /// <summary>
    /// The activity form: kind, bilingual title/prompt/warning, options (one a line, English | Welsh),
    /// multiple choice, dots, pre-moderation, idea board to vote over, framework to continue.
    /// </summary>
    public static ActivityDraft ReadActivity(IFormCollection form)
    {
        LocalizedText Pair(string field) => new(form[field + "-en"].ToString(), form[field + "-cy"].ToString());
        var options = form["options"].ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries)).Select(p => new LocalizedText(p[0], p.Length > 1 ? p[1] : "")).ToList();
        return new ActivityDraft(
            Enum.TryParse<ActivityKind>(form["kind"], out var kind) ? kind : ActivityKind.Poll,
            Pair("activityTitle"), Pair("prompt"), Pair("warning"), options,
            form["multiple"] == "true",
            // Empty: the usual three; anything else that is not a number is refused by the use case.
            string.IsNullOrWhiteSpace(form["dots"]) ? 3 : int.TryParse(form["dots"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var dots) ? dots : 0,
            form["premoderation"] == "true",
            Guid.TryParse(form["source"], out var source) ? new ActivityId(source) : null,
            Guid.TryParse(form["framework"], out var framework) ? new OutcomeFrameworkId(framework) : null);
    }

    public static FormValues ActivityValues(ActivityDraft draft)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = draft.Kind.ToString(),
            ["options"] = string.Join("\n", (draft.Options ?? []).Select(o => $"{o.En} | {o.Cy}")),
            ["multiple"] = draft.MultipleChoice ? "true" : "",
            ["dots"] = draft.Dots.ToString(CultureInfo.InvariantCulture),
            ["premoderation"] = draft.PreModeration ? "true" : "",
            ["source"] = draft.SourceActivityId?.ToString() ?? "",
            ["framework"] = draft.FrameworkId?.ToString() ?? "",
        };
        foreach (var (field, text) in new[] { ("activityTitle", draft.Title), ("prompt", draft.Prompt), ("warning", draft.ContentWarning) })
        {
            values[field + "-en"] = text?.En ?? "";
            values[field + "-cy"] = text?.Cy ?? "";
        }

        return new FormValues(values);
    }

    /// <summary>The activity form field an error from <c>AddActivity</c>/<c>EditActivity</c> belongs to.</summary>
    public static string? ActivityFieldId(string? path) => path switch
    {
        "title" => "activityTitle-en",
        "prompt" => "prompt-en",
        "contentWarning" => "warning-en",
        "dots" => "dots",
        "sourceActivityId" => "source",
        "frameworkId" => "framework",
        not null when path.StartsWith("options", StringComparison.Ordinal) => "options",
        _ => null,
    };
}

/// <summary>Model of <c>_DetailsFields</c>: the workshop details fields, filled and with their errors.</summary>
public sealed record DetailsFormModel(FormValues Values, Journey.PageErrors Errors);

/// <summary>An idea board or framework to choose in the activity form.</summary>
public sealed record FormChoice(string Value, string Label);

/// <summary>Model of <c>_ActivityFields</c>. <paramref name="FixedKind"/>: editing, the kind cannot change.</summary>
public sealed record ActivityFormModel(FormValues Values, Journey.PageErrors Errors, ActivityKind? FixedKind, IReadOnlyList<FormChoice> IdeaBoards, IReadOnlyList<FormChoice> Frameworks);

/// <summary>Model of <c>_Contribution</c>: one contribution and the others of the activity (to merge into).</summary>
/// <param name="Support">How many support a proposal (framework activities); null for everything else.</param>
public sealed record ContributionCard(ContributionView Contribution, IReadOnlyList<ContributionView> All, int? Support = null);
