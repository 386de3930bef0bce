using CoProduce.Core.Common;
using CoProduce.Core.OutcomeFrameworks;

namespace CoProduce.Core.Tests.OutcomeFrameworks;

public sealed class FrameworkEditorTests
{
    private static readonly IReadOnlySet<string> Codes = WellbeingReference.All.Select(r => r.Code).ToHashSet();

    private static FrameworkDocument Apply(FrameworkDocument document, FrameworkEdit edit)
    {
        var result = FrameworkEditor.Apply(document, edit, Codes);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value.Document;
    }

    [Fact]
    public void Apply_OutcomeIndicatorMeasure_BuildsTreeWithUniqueKeys()
    {
        var doc = Apply(FrameworkDocument.Empty, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new("Safer", "")));
        doc = Apply(doc, new FrameworkEdit(FrameworkOperation.AddIndicator, Key: "o1", Text: new("Feel safer", ""), IndicatorType: IndicatorType.Kpi, Nature: IndicatorNature.Objective));
        doc = Apply(doc, new FrameworkEdit(FrameworkOperation.AddMeasure, Key: "i2", Text: new("Share reporting feeling safer", ""), Target: "80%"));
        doc = Apply(doc, new FrameworkEdit(FrameworkOperation.RemoveOutcome, Key: "o1"));
        doc = Apply(doc, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new("", "Yn fwy diogel")));

        var outcome = Assert.Single(doc.Outcomes);
        Assert.Equal("o4", outcome.Key);
        Assert.Equal(5, doc.NextKey);
    }

    [Fact]
    public void Apply_MeasureUnderIndicator_KeepsTarget()
    {
        var doc = Apply(FrameworkDocument.Empty, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new("Safer", "")));
        doc = Apply(doc, new FrameworkEdit(FrameworkOperation.AddIndicator, Key: "o1", Text: new("Feel safer", "")));
        doc = Apply(doc, new FrameworkEdit(FrameworkOperation.AddMeasure, Key: "i2", Text: new("Share feeling safer", ""), Target: " 80% "));

        var measure = Assert.Single(Assert.Single(Assert.Single(doc.Outcomes).Indicators).Measures);
        Assert.Equal(("m3", "80%"), (measure.Key, measure.Target));
        Assert.Empty(Apply(doc, new FrameworkEdit(FrameworkOperation.RemoveMeasure, Key: "m3")).Outcomes[0].Indicators[0].Measures);
    }

    [Fact]
    public void Apply_UpdateMeasure_ChangesTextAndTargetKeepsKey()
    {
        var doc = Apply(FrameworkDocument.Empty, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new("Safer", "")));
        doc = Apply(doc, new FrameworkEdit(FrameworkOperation.AddIndicator, Key: "o1", Text: new("Feel safer", "")));
        doc = Apply(doc, new FrameworkEdit(FrameworkOperation.AddMeasure, Key: "i2", Text: new("Share feeling safer", ""), Target: "80%"));

        var changed = FrameworkEditor.Apply(doc, new FrameworkEdit(FrameworkOperation.UpdateMeasure, Key: "m3", Text: new("Share feeling safer", "Cyfran sy'n teimlo'n fwy diogel"), Target: "85%"), Codes);

        Assert.True(changed.IsSuccess, string.Join("; ", changed.Errors));
        var measure = Assert.Single(changed.Value.Document.Outcomes[0].Indicators[0].Measures);
        Assert.Equal(("m3", "85%", "Cyfran sy'n teimlo'n fwy diogel"), (measure.Key, measure.Target, measure.Description.Cy));
        Assert.Equal("UpdateMeasure:m3", changed.Value.Summary);
    }

    [Theory]
    [InlineData(FrameworkOperation.UpdateMeasure, "m1", ErrorCodes.FrameworkEntryNotFound)]
    [InlineData(FrameworkOperation.UpdateOutcome, "o9", ErrorCodes.FrameworkEntryNotFound)]
    [InlineData(FrameworkOperation.AddIndicator, "i1", ErrorCodes.FrameworkEntryNotFound)]
    [InlineData(FrameworkOperation.RemoveMeasure, "m1", ErrorCodes.FrameworkEntryNotFound)]
    public void Apply_UnknownKey_ReturnsError(FrameworkOperation operation, string key, string expected)
    {
        var result = FrameworkEditor.Apply(FrameworkDocument.Empty, new FrameworkEdit(operation, Key: key, Text: new("x", "")), Codes);

        Assert.Equal(expected, result.FirstError?.Code);
    }

    [Fact]
    public void Apply_EmptyText_ReturnsError()
    {
        var result = FrameworkEditor.Apply(FrameworkDocument.Empty, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new(" ", "\u200B")), Codes);

        Assert.Equal(ErrorCodes.ContributionEmpty, result.FirstError?.Code);
    }

    [Fact]
    public void Apply_ThirteenthOutcome_IsRefused()
    {
        var doc = FrameworkDocument.Empty;
        for (var i = 0; i < FrameworkEditor.MaxOutcomes; i++)
        {
            doc = Apply(doc, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new($"Outcome {i}", "")));
        }

        var result = FrameworkEditor.Apply(doc, new FrameworkEdit(FrameworkOperation.AddOutcome, Text: new("One more", "")), Codes);

        Assert.Equal(ErrorCodes.FrameworkTooManyOutcomes, result.FirstError?.Code);
    }

    [Theory]
    [InlineData("cy", "", "Yn ddiogel", "Yn ddiogel")]
    [InlineData("en", "", "Yn ddiogel", "Yn ddiogel")]
    [InlineData("cy", "Safe", "Yn ddiogel", "Yn ddiogel")]
    [InlineData("en", "Safe", "Yn ddiogel", "Safe")]
    public void FrameworkText_Get_FallsBackToOtherLanguage(string culture, string en, string cy, string expected)
    {
        Assert.Equal(expected, new FrameworkText(en, cy).Get(new System.Globalization.CultureInfo(culture)));
    }
}
