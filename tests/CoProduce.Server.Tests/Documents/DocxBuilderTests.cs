using CoProduce.Server.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoProduce.Server.Tests.Documents;

public sealed class DocxBuilderTests
{
    private static byte[] Sample(string language) => new DocxBuilder(language, "Sample title")
        .Heading(1, "Sample title")
        .Heading(2, "Section")
        .Labelled("Label", "Value")
        .Paragraphs("First line\nSecond line")
        .Bullet("An idea", 0, "cy", "Idea 1:")
        .Bullet("A duplicate", 1)
        .Table("Results", ["Option", "Votes"], [["Town", "12"], [new Cell("Ar-lein", "cy"), "suppressed"]])
        .Build();

    [Theory]
    [InlineData("en-GB")]
    [InlineData("cy-GB")]
    public void Build_AnyContent_IsValidOpenXml(string language)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample(language)), false);

        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Build_Headings_UseWordHeadingStylesWithOutlineLevels()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample("en-GB")), false);
        var main = document.MainDocumentPart!; // Every document the builder makes has a main part.

        var headings = main.Document.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, p.InnerText))
            .Where(p => p.Style?.StartsWith("Heading", StringComparison.Ordinal) == true).ToList();
        var heading2 = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Heading2");

        Assert.Equal([("Heading1", "Sample title"), ("Heading2", "Section")], headings);
        Assert.Equal("heading 2", heading2.StyleName!.Val!.Value);
        Assert.Equal(1, heading2.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
    }

    [Fact]
    public void Build_Table_FirstRowIsRepeatingHeaderWithCaption()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample("en-GB")), false);

        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().Single();
        var rows = table.Elements<TableRow>().ToList();

        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.Equal(["OptionVotes", "Town12", "Ar-leinsuppressed"], rows.Select(r => r.InnerText));
        Assert.Equal("Results", table.GetFirstChild<TableProperties>()!.TableCaption!.Val!.Value);
    }

    [Theory]
    [InlineData("en-GB", "cy-GB")]
    [InlineData("cy-GB", "en-GB")]
    public void Build_Language_SetOnDefaultsSettingsAndPackage_OtherLanguageMarked(string language, string other)
    {
        var bytes = new DocxBuilder(language, "T").Paragraphs("same").Bullet("written in the other", 0, other[..2]).Build();
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = document.MainDocumentPart!;

        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!;
        var marked = main.Document.Body!.Descendants<Run>().Select(r => r.RunProperties?.Languages?.Val?.Value).ToList();

        Assert.Equal(language, defaults.Val!.Value);
        Assert.Equal(language, main.DocumentSettingsPart!.Settings!.GetFirstChild<ThemeFontLanguages>()!.Val!.Value);
        Assert.Equal(language, document.PackageProperties.Language);
        Assert.Equal([null, other], marked);
    }
}
