using System.Text;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Sources;
using ChatBrief.Core.Sources.Parsers;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Tests.Sources;

public class PdfParserTests
{
    private static readonly string[][] FirstPage =
    [
        ["The alliance agreed to expand joint exercises in the", "southern waters, starting next spring."],
        ["Both ministers said the talks were productive and", "that a second round would follow."],
        ["1"],
    ];

    private static readonly string[][] SecondPage =
    [
        ["Budgets were approved for the coming year, with a", "larger share for maintenance."],
        ["2"],
    ];

    [Fact]
    public void Parse_TwoPages_ParagraphsFromLinesKeepTheirPage()
    {
        var document = Parse(TestPdf.Build([FirstPage, SecondPage]));

        Assert.Equal(
            [
                (1, 1, "The alliance agreed to expand joint exercises in the southern waters, starting next spring."),
                (2, 1, "Both ministers said the talks were productive and that a second round would follow."),
                (3, 2, "Budgets were approved for the coming year, with a larger share for maintenance."),
            ],
            document.Paragraphs.Select(paragraph => (paragraph.Number, paragraph.Page ?? 0, paragraph.Text)));
    }

    [Fact]
    public void Parse_ParagraphCutByPageBreak_IsMendedAndCitedOnThePageItStarts()
    {
        var document = Parse(TestPdf.Build(
        [
            [["The committee will publish its findings once the", "review of the"], ["1"]],
            [["southern bases is complete."]],
        ]));

        var paragraph = Assert.Single(document.Paragraphs);
        Assert.Equal("The committee will publish its findings once the review of the southern bases is complete.", paragraph.Text);
        Assert.Equal(1, paragraph.Page);
    }

    [Fact]
    public void Build_PdfPassages_CarryTheirPage()
    {
        var passages = PassageBuilder.Build(Parse(TestPdf.Build([FirstPage, SecondPage]))).ToList();

        Assert.Equal([1, 1, 2], passages.Select(passage => passage.Page));
    }

    [Fact]
    public void Parse_DocumentInformation_GivesTitleAndAuthor()
    {
        var document = Parse(TestPdf.Build([FirstPage], title: "Alliance Review", author: "Jane Doe"));

        Assert.Equal("Alliance Review", document.Metadata.Title);
        Assert.Equal("Jane Doe", document.Metadata.Author);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Microsoft Word - alliance-review.docx")]
    [InlineData("Untitled-1")]
    public void Parse_NoUsableTitleInDocumentInformation_FallsBackToTheText(string? title)
    {
        var document = Parse(TestPdf.Build([[["Alliance Review"], .. FirstPage]], title: title));

        Assert.Equal("Alliance Review", document.Metadata.Title);
    }

    [Fact]
    public void Parse_MorePagesThanTheLimit_ThrowsWithTheLimitNamed()
    {
        var parser = new PdfParser(Options.Create(new SourcesOptions { MaxPdfPages = 2 }));

        var error = Assert.Throws<InvalidSourceException>(() => parser.Parse(TestSources.FileNamed("long.pdf"), new MemoryStream(TestPdf.OfPages(3))));

        Assert.Equal("too many pages: 3 is over the 2 limit (Sources:MaxPdfPages)", error.Message);
    }

    [Fact]
    public void Parse_PagesWithoutText_ThrowsNoText()
    {
        var error = Assert.Throws<InvalidSourceException>(() => Parse(TestPdf.Build([[], []])));

        Assert.StartsWith("no text found in the PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Garbage_ThrowsDamagedOrNotAPdf()
    {
        var garbage = Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not really a PDF at all\n%%EOF\n");

        var error = Assert.Throws<InvalidSourceException>(() => Parse(garbage));

        Assert.StartsWith("damaged or not a PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Encrypted_ThrowsEncrypted()
    {
        var error = Assert.Throws<InvalidSourceException>(() => Parse(TestPdf.WithUnknownPassword(TestPdf.Build([FirstPage]))));

        Assert.Equal("encrypted PDF: it cannot be read without its password", error.Message);
    }

    private static SourceDocument Parse(byte[] pdf) =>
        Assert.Single(new PdfParser(Options.Create(new SourcesOptions())).Parse(TestSources.FileNamed("report.pdf"), new MemoryStream(pdf)));
}
