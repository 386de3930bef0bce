using System.Globalization;
using CoProduce.Core.Workshops;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Documents;

/// <summary>The words a workshop record uses, shared by its HTML page and its Word document.</summary>
public static class RecordText
{
    /// <summary>A count, or the word for a suppressed one.</summary>
    public static string Count(this Text text, RecordCount count) => count.Value is { } value ? text.Number(value) : text["Record.Suppressed"];

    /// <summary>The suppression rule as applied, in the current language.</summary>
    public static string SuppressionRule(this Text text, SuppressionRule rule) => Rule(rule, text["Record.SuppressionRule"], text["Record.SuppressionOff"], CultureInfo.CurrentCulture);

    /// <summary>The rule in a given language (for the JSON, which carries both).</summary>
    public static string SuppressionRule(SuppressionRule rule, CultureInfo culture) =>
        Rule(rule, Localised("Record.SuppressionRule", culture), Localised("Record.SuppressionOff", culture), culture);

    /// <summary>The heading of the count column for an activity's kind (votes, dots, score).</summary>
    public static string CountColumn(this Text text, ActivityKind kind) => text["Record.Column." + kind];

    /// <summary>Safe in a file name: the date the workshop was planned for, nothing anyone wrote.</summary>
    public static string FileName(WorkshopRecord record, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"workshop-record-{record.ScheduledOn:yyyy-MM-dd}.{extension}");

    private static string Rule(SuppressionRule rule, string format, string off, CultureInfo culture) =>
        rule.Threshold <= 1 ? off : string.Format(culture, format, rule.Threshold - 1, rule.Threshold);

    private static string Localised(string key, CultureInfo culture) => ResxStringLocalizer.Resources.GetString(key, culture) ?? key;
}
