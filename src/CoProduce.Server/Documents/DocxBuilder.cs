using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoProduce.Server.Documents;

/// <summary>
/// Writes an accessible Word document: headings in Word's own heading styles (so the navigation pane
/// and screen readers see the structure), real bulleted lists, tables whose first row is a repeating
/// header row, and the document language (en-GB or cy-GB) on the defaults, the settings and the
/// package, with passages in the other language marked as such. Text is only ever text: nothing a
/// user wrote becomes markup.
/// </summary>
public sealed class DocxBuilder(string language, string title)
{
    private const int BulletNumbering = 1;
    private readonly List<OpenXmlElement> _body = [];

    /// <summary>The language tag of a document in <paramref name="welsh"/> or English.</summary>
    public static string LanguageOf(bool welsh) => welsh ? "cy-GB" : "en-GB";

    /// <summary>Level 1 is the document's title; 2 a section; 3 and 4 within it.</summary>
    public DocxBuilder Heading(int level, string text, string? textLanguage = null)
    {
        _body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{Math.Clamp(level, 1, 4)}" }), TextRun(text, textLanguage)));
        return this;
    }

    /// <summary>One paragraph per line of <paramref name="text"/> (authored text keeps its line breaks).</summary>
    public DocxBuilder Paragraphs(string text, string? textLanguage = null)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            _body.Add(new Paragraph(TextRun(line, textLanguage)));
        }

        return this;
    }

    /// <summary>A paragraph starting with a bold label: "Label: value".</summary>
    public DocxBuilder Labelled(string label, string value, string? valueLanguage = null)
    {
        _body.Add(new Paragraph(new Run(new RunProperties(new Bold()), new Text(label + ": ") { Space = SpaceProcessingModeValues.Preserve }), TextRun(value, valueLanguage)));
        return this;
    }

    /// <summary>A bulleted list item at <paramref name="level"/> 0 or 1, after an optional <paramref name="label"/>.</summary>
    /// <param name="textLanguage">"en", "cy" or a full tag, when the text may not be in the document's language.</param>
    public DocxBuilder Bullet(string text, int level = 0, string? textLanguage = null, string? label = null)
    {
        var properties = new ParagraphProperties(
            new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = Math.Clamp(level, 0, 1) }, new NumberingId { Val = BulletNumbering }));
        var paragraph = new Paragraph(properties);
        if (label is not null)
        {
            paragraph.Append(new Run(new Text(label + " ") { Space = SpaceProcessingModeValues.Preserve }));
        }

        paragraph.Append(TextRun(text, textLanguage));
        _body.Add(paragraph);
        return this;
    }

    /// <summary>A table: <paramref name="headers"/> as its repeating header row, then the rows.</summary>
    public DocxBuilder Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        var border = (BorderType b) =>
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
            b.Color = "505A5F";
            return b;
        };
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()), border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
            new TableCaption { Val = caption }));
        table.Append(new TableGrid(headers.Select(_ => new GridColumn())));
        var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
        headerRow.Append(headers.Select(h => new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(h) { Space = SpaceProcessingModeValues.Preserve })))));
        table.Append(headerRow);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(c => new TableCell(new Paragraph(TextRun(c.Text, c.Language))))));
        }

        _body.Add(table);
        // Word needs a paragraph between two tables, and one after a table that ends a cell or the body.
        _body.Add(new Paragraph());
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true)).Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Right = 1440, Bottom = 1440, Left = 1440, Header = 708, Footer = 708, Gutter = 0 }))));
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Bullets();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new ThemeFontLanguages { Val = language });
            document.PackageProperties.Title = title;
            document.PackageProperties.Language = language;
        }

        return stream.ToArray();
    }

    private Run TextRun(string text, string? textLanguage)
    {
        var run = new Run();
        // Words in the other language are marked, so a screen reader switches voice.
        var tag = textLanguage switch { "cy" => "cy-GB", "en" => "en-GB", _ => textLanguage };
        if (tag is not null && !string.Equals(tag, language, StringComparison.OrdinalIgnoreCase))
        {
            run.Append(new RunProperties(new Languages { Val = tag }));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "24" },
                    new FontSizeComplexScript { Val = "24" },
                    new Languages { Val = language, EastAsia = language, Bidi = language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "288", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "List Paragraph" },
                new BasedOn { Val = "Normal" },
                new UIPriority { Val = 34 },
                new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "80" }, new Indentation { Left = "720" }))
            { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        int[] sizes = [40, 32, 28, 24];
        for (var level = 1; level <= sizes.Length; level++)
        {
            styles.Append(new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new UIPriority { Val = 9 },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = level == 1 ? "0" : "360", After = "160" }, new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = sizes[level - 1].ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" });
        }

        return styles;
    }

    private static Numbering Bullets()
    {
        Level Level(int index, string symbol, int indent) => new(
            new NumberingFormat { Val = NumberFormatValues.Bullet },
            new LevelText { Val = symbol },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
        { LevelIndex = index };
        return new Numbering(
            new AbstractNum(Level(0, "•", 720), Level(1, "◦", 1440)) { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumbering });
    }
}

/// <summary>A table cell's text, and its language when it may differ from the document's.</summary>
public readonly record struct Cell(string Text, string? Language = null)
{
    public static implicit operator Cell(string text) => new(text);
}
