using CoProduce.Core.Consultations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Documents;

/// <summary>
/// An outcome framework (one version) as a Word document in the request's language: outcomes,
/// in Wales their well-being goals and ways of working, indicators and measures, and the history.
/// </summary>
public static class FrameworkDocx
{
    public static byte[] Build(FrameworkView view, IReadOnlyDictionary<string, WellbeingReferenceItem> reference, Text text)
    {
        var culture = text.Culture;
        var title = view.Framework.Title.Get(culture);
        var wales = view.Framework.Jurisdiction == Jurisdiction.Wales;
        string Names(IEnumerable<string> codes) => string.Join("; ", codes.Select(c => reference.TryGetValue(c, out var r) ? r.Name.Get(culture) : c));

        var docx = new DocxBuilder(DocxBuilder.LanguageOf(text.IsWelsh), title)
            .Heading(1, title)
            .Paragraphs(text.Format("Framework.VersionCaption", view.Version))
            .Labelled(text["Framework.Jurisdiction"], text["Authoring.Jurisdiction." + view.Framework.Jurisdiction]);
        if (view.Document.Outcomes.Count == 0)
        {
            docx.Paragraphs(text["Framework.Empty"]);
        }

        foreach (var outcome in view.Document.Outcomes)
        {
            docx.Heading(2, outcome.Statement.Get(culture));
            if (wales)
            {
                docx.Labelled(text["Framework.WellbeingGoals"], Names(outcome.WellbeingGoals))
                    .Labelled(text["Framework.WaysOfWorking"], Names(outcome.WaysOfWorking));
            }

            if (outcome.Indicators.Count > 0)
            {
                docx.Table(
                    text["Framework.Indicators"],
                    [text["Framework.Indicator"], text["Framework.Type"], text["Framework.DataSource"], text["Framework.Frequency"], text["Framework.WhoReports"], text["Framework.Measures"]],
                    outcome.Indicators.Select(i => (IReadOnlyList<Cell>)
                    [
                        i.Statement.Get(culture),
                        $"{text["Framework.IndicatorType." + i.Type]}, {text["Framework.Nature." + i.Nature]}",
                        i.DataSource ?? "",
                        text["Framework.Frequency." + i.Frequency],
                        i.WhoReports ?? "",
                        string.Join("; ", i.Measures.Select(m => m.Target is null ? m.Description.Get(culture) : $"{m.Description.Get(culture)} ({m.Target})")),
                    ]));
            }
        }

        docx.Heading(2, text["Framework.History"]).Table(
            text["Framework.History"],
            [text["Framework.Version"], text["Framework.Change"], text["Framework.SavedOn"], text["Framework.Workshop"]],
            view.History.Select(h => (IReadOnlyList<Cell>)[text.Number(h.Version), Change(text, h.Summary), text.Date(h.SavedOn), h.WorkshopTitle?.Get(culture) ?? text["Framework.NoWorkshop"]]));
        return docx.Build();
    }

    /// <summary>A version's summary (<c>Operation:key</c>) in words.</summary>
    public static string Change(Text text, string summary)
    {
        var parts = summary.Split(':', 2);
        return parts.Length > 1 ? $"{text["Framework.Operation." + parts[0]]} {parts[1]}" : text["Framework.Operation." + parts[0]];
    }

    /// <summary>Safe in a file name: the version only.</summary>
    public static string FileName(FrameworkView view, string extension) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outcome-framework-v{view.Version}.{extension}");
}
