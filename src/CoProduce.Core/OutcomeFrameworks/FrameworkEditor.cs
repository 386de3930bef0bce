using System.Globalization;
using CoProduce.Core.Common;
using CoProduce.Core.Workshops;

namespace CoProduce.Core.OutcomeFrameworks;

public enum FrameworkOperation
{
    AddOutcome,
    UpdateOutcome,
    RemoveOutcome,
    AddIndicator,
    UpdateIndicator,
    RemoveIndicator,
    AddMeasure,
    RemoveMeasure,
    UpdateMeasure,
}

/// <summary>
/// One change to a framework. <see cref="Key"/> names what it applies to: the outcome for
/// Update/RemoveOutcome and AddIndicator, the indicator for Update/RemoveIndicator and AddMeasure,
/// the measure for Update/RemoveMeasure; unused for AddOutcome. <see cref="BasedOnVersion"/> is the version
/// the person was looking at when they made the change: if the framework has moved on since, the
/// change is refused rather than applied to something they have not seen.
/// </summary>
public sealed record FrameworkEdit(
    FrameworkOperation Operation,
    string? Key = null,
    FrameworkText? Text = null,
    IReadOnlyList<string>? WellbeingGoals = null,
    IReadOnlyList<string>? WaysOfWorking = null,
    IndicatorType IndicatorType = IndicatorType.Outcome,
    IndicatorNature Nature = IndicatorNature.Subjective,
    string? DataSource = null,
    ReportingFrequency Frequency = ReportingFrequency.Quarterly,
    string? WhoReports = null,
    string? Target = null,
    int? BasedOnVersion = null);

/// <summary>Applies edits to an immutable framework document (pure; the handlers save the result).</summary>
public static class FrameworkEditor
{
    public const int MaxOutcomes = 12;
    public const int MaxChildren = 12;
    public const int MaxTextLength = 500;
    public const int MaxDetailLength = 200;

    /// <returns>The new document and a summary <c>Operation:key</c> for the version history.</returns>
    public static Result<(FrameworkDocument Document, string Summary)> Apply(FrameworkDocument document, FrameworkEdit edit, IReadOnlySet<string> wellbeingCodes)
    {
        var outcomes = document.Outcomes.ToList();
        var nextKey = document.NextKey;
        string NewKey(char prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{nextKey++}");

        var text = CleanText(edit.Text);
        var needsText = edit.Operation is FrameworkOperation.AddOutcome or FrameworkOperation.UpdateOutcome or FrameworkOperation.AddIndicator or FrameworkOperation.UpdateIndicator or FrameworkOperation.AddMeasure or FrameworkOperation.UpdateMeasure;
        if (needsText)
        {
            if (text.En.Length == 0 && text.Cy.Length == 0)
            {
                return new Error(ErrorCodes.ContributionEmpty, "text");
            }

            if (text.En.Length > MaxTextLength || text.Cy.Length > MaxTextLength)
            {
                return new Error(ErrorCodes.ContributionTooLong, "text", [MaxTextLength]);
            }
        }

        var details = new[] { edit.DataSource, edit.WhoReports, edit.Target }.Select(ShortText.Clean).ToArray();
        if (details.Any(d => d.Length > MaxDetailLength))
        {
            return new Error(ErrorCodes.ContributionTooLong, "details", [MaxDetailLength]);
        }

        string? Detail(int i) => details[i].Length == 0 ? null : details[i];

        var goals = (edit.WellbeingGoals ?? []).Distinct().ToArray();
        var ways = (edit.WaysOfWorking ?? []).Distinct().ToArray();
        if (goals.Concat(ways).Any(c => !wellbeingCodes.Contains(c)))
        {
            return new Error(ErrorCodes.FrameworkUnknownWellbeingCode, "wellbeing");
        }

        var outcomeIndex = outcomes.FindIndex(o => o.Key == edit.Key);
        var (parentIndex, indicatorIndex) = FindIndicator(outcomes, edit.Key);
        string key;
        switch (edit.Operation)
        {
            case FrameworkOperation.AddOutcome:
                if (outcomes.Count >= MaxOutcomes)
                {
                    return new Error(ErrorCodes.FrameworkTooManyOutcomes, "outcomes", [MaxOutcomes]);
                }

                key = NewKey('o');
                outcomes.Add(new FrameworkOutcome(key, text, goals, ways, []));
                break;

            case FrameworkOperation.UpdateOutcome when outcomeIndex >= 0:
                key = outcomes[outcomeIndex].Key;
                outcomes[outcomeIndex] = outcomes[outcomeIndex] with { Statement = text, WellbeingGoals = goals, WaysOfWorking = ways };
                break;

            case FrameworkOperation.RemoveOutcome when outcomeIndex >= 0:
                key = outcomes[outcomeIndex].Key;
                outcomes.RemoveAt(outcomeIndex);
                break;

            case FrameworkOperation.AddIndicator when outcomeIndex >= 0:
                if (outcomes[outcomeIndex].Indicators.Count >= MaxChildren)
                {
                    return new Error(ErrorCodes.FrameworkTooManyOutcomes, "indicators", [MaxChildren]);
                }

                key = NewKey('i');
                outcomes[outcomeIndex] = outcomes[outcomeIndex] with
                {
                    Indicators = [.. outcomes[outcomeIndex].Indicators, new FrameworkIndicator(key, text, edit.IndicatorType, edit.Nature, Detail(0), edit.Frequency, Detail(1), [])],
                };
                break;

            case FrameworkOperation.UpdateIndicator or FrameworkOperation.RemoveIndicator or FrameworkOperation.AddMeasure when indicatorIndex >= 0:
                var outcome = outcomes[parentIndex];
                var indicators = outcome.Indicators.ToList();
                var indicator = indicators[indicatorIndex];
                key = indicator.Key;
                if (edit.Operation == FrameworkOperation.RemoveIndicator)
                {
                    indicators.RemoveAt(indicatorIndex);
                }
                else if (edit.Operation == FrameworkOperation.UpdateIndicator)
                {
                    indicators[indicatorIndex] = indicator with { Statement = text, Type = edit.IndicatorType, Nature = edit.Nature, DataSource = Detail(0), Frequency = edit.Frequency, WhoReports = Detail(1) };
                }
                else
                {
                    if (indicator.Measures.Count >= MaxChildren)
                    {
                        return new Error(ErrorCodes.FrameworkTooManyOutcomes, "measures", [MaxChildren]);
                    }

                    key = NewKey('m');
                    indicators[indicatorIndex] = indicator with { Measures = [.. indicator.Measures, new FrameworkMeasure(key, text, Detail(2))] };
                }

                outcomes[parentIndex] = outcome with { Indicators = indicators };
                break;

            case FrameworkOperation.RemoveMeasure or FrameworkOperation.UpdateMeasure:
                var found = false;
                key = edit.Key ?? "";
                for (var o = 0; o < outcomes.Count && !found; o++)
                {
                    var list = outcomes[o].Indicators.ToList();
                    for (var i = 0; i < list.Count && !found; i++)
                    {
                        if (list[i].Measures.Any(m => m.Key == edit.Key))
                        {
                            var measures = edit.Operation == FrameworkOperation.RemoveMeasure
                                ? list[i].Measures.Where(m => m.Key != edit.Key)
                                : list[i].Measures.Select(m => m.Key == edit.Key ? m with { Description = text, Target = Detail(2) } : m);
                            list[i] = list[i] with { Measures = measures.ToArray() };
                            outcomes[o] = outcomes[o] with { Indicators = list };
                            found = true;
                        }
                    }
                }

                if (!found)
                {
                    return new Error(ErrorCodes.FrameworkEntryNotFound, "key");
                }

                break;

            default:
                return new Error(ErrorCodes.FrameworkEntryNotFound, "key");
        }

        return (new FrameworkDocument(outcomes, nextKey), $"{edit.Operation}:{key}");
    }

    private static (int Outcome, int Indicator) FindIndicator(List<FrameworkOutcome> outcomes, string? key)
    {
        for (var o = 0; o < outcomes.Count; o++)
        {
            for (var i = 0; i < outcomes[o].Indicators.Count; i++)
            {
                if (outcomes[o].Indicators[i].Key == key)
                {
                    return (o, i);
                }
            }
        }

        return (-1, -1);
    }

    private static FrameworkText CleanText(FrameworkText? text) => new(ShortText.Clean(text?.En), ShortText.Clean(text?.Cy));
}
