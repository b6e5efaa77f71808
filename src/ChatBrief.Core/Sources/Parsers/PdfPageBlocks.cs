using ChatBrief.Core.Sources.Cleaning;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace ChatBrief.Core.Sources.Parsers;

/// <summary>
/// Turns one PDF page into text blocks in reading order. A PDF holds positioned glyphs, not paragraphs: words are
/// found from letter spacing, lines and blocks from the spacing of words and lines (Docstrum), and the blocks are put
/// in reading order, so that a two-column page reads down each column.
/// </summary>
internal static class PdfPageBlocks
{
    // One page at a time on one thread: an index build runs beside the questions being answered on a small machine.
    private static readonly DocstrumBoundingBoxes Segmenter = new(new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions { MaxDegreeOfParallelism = 1 });

    public static IEnumerable<TextBlock> Read(Page page)
    {
        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters).Where(word => !string.IsNullOrWhiteSpace(word.Text)).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        return UnsupervisedReadingOrderDetector.Instance.Get(Segmenter.GetBlocks(words))
            .Select(block => block.TextLines.Select(line => WhitespaceNormalizer.Normalize(line.Text)).Where(line => line.Length > 0).ToList())
            .Where(lines => lines.Count > 0)
            .Select(lines => new TextBlock(BlockKind.Paragraph, lines, Page: page.Number));
    }
}
