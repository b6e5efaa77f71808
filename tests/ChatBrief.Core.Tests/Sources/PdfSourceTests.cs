using ChatBrief.Core.Answers;
using ChatBrief.Core.Sources;
using ChatBrief.Core.Sources.Parsers;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Tests.Sources;

/// <summary>PDFs as the reader and the index take them: limits that skip a file, and the page in the citation.</summary>
public class PdfSourceTests
{
    [Fact]
    public void Read_PdfOverTheSizeLimit_IsSkippedWithTheLimitNamed()
    {
        using var folder = new TempFolder();
        var pdf = TestPdf.OfPages(1);
        folder.Write("big.pdf", pdf);

        var result = Read(folder, maxFileBytes: pdf.Length - 1);

        Assert.StartsWith("too large:", result.SkipReason, StringComparison.Ordinal);
        Assert.EndsWith("(Sources:MaxFileBytes)", result.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PdfOverThePageLimit_IsSkippedWithTheLimitNamed()
    {
        using var folder = new TempFolder();
        folder.Write("long.pdf", TestPdf.OfPages(3));

        var result = Read(folder, maxPdfPages: 2);

        Assert.Equal("too many pages: 3 is over the 2 limit (Sources:MaxPdfPages)", result.SkipReason);
    }

    [Fact]
    public void Read_RandomBytesNamedPdf_IsSkippedAsDamaged()
    {
        using var folder = new TempFolder();
        folder.Write("garbage.pdf", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);

        var result = Read(folder);

        Assert.StartsWith("damaged or not a PDF", result.SkipReason, StringComparison.Ordinal);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public async Task Reindex_BadPdfBesideGoodSources_IsReportedAndTheRestIsCitedWithPages()
    {
        using var corpus = new TestCorpus(("notes.txt", "The harbour master keeps the tide tables."));
        corpus.Write("broken.pdf", "%PDF-1.7\nnot a PDF after all\n"u8.ToArray());
        corpus.Write("report.pdf", TestPdf.Build(
            [
                [["The alliance agreed to expand joint exercises in the", "southern waters."]],
                [["The destroyer Kongo will lead the second round of", "exercises next spring."]],
            ],
            title: "Alliance Review",
            author: "Jane Doe"));

        var report = await corpus.Index.RebuildAsync(full: true);
        var answer = await corpus.AskAsync("Which destroyer will lead the exercises?");

        var skipped = Assert.Single(report.Skipped);
        Assert.Equal("broken.pdf", skipped.Path);
        Assert.StartsWith("damaged or not a PDF", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(2, report.Documents);
        Assert.Equal("Alliance Review, by Jane Doe (report.pdf, page 2, paragraph 2)", AnswerWording.Citation(answer.Results[0]));
    }

    private static SourceReadResult Read(TempFolder folder, long maxFileBytes = 20 * 1024 * 1024, int maxPdfPages = 500)
    {
        var pdfParser = new PdfParser(Options.Create(new SourcesOptions { MaxPdfPages = maxPdfPages }));
        var reader = TestSources.Reader(maxFileBytes, pdfParser);
        return reader.Read(reader.Discover(folder.Path).Single());
    }
}
