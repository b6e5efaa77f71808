using System.Globalization;
using System.Text.RegularExpressions;
using ChatBrief.Core.Sources.Cleaning;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace ChatBrief.Core.Sources.Parsers;

/// <summary>
/// Reads PDF files: the text of each page is cut into paragraphs by layout analysis (<see cref="PdfPageBlocks"/>) and
/// every paragraph keeps the page it starts on, for the citation. Title, author and date come from the PDF's document
/// information when it has them; otherwise the same fallbacks as for text files apply.
/// </summary>
public sealed partial class PdfParser(IOptions<SourcesOptions> options) : IDocumentParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public IReadOnlyList<SourceDocument> Parse(SourceFile file, Stream content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            var limit = options.Value.MaxPdfPages;
            if (pdf.NumberOfPages > limit)
            {
                throw new InvalidSourceException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"too many pages: {pdf.NumberOfPages:N0} is over the {limit:N0} limit (Sources:MaxPdfPages)"));
            }

            var blocks = pdf.GetPages().SelectMany(PdfPageBlocks.Read).ToList();
            if (blocks.Count == 0)
            {
                throw new InvalidSourceException("no text found in the PDF (a scanned PDF needs text recognition first)");
            }

            return [DocumentAssembler.Assemble(file.Source, blocks, MetadataOf(pdf.Information))];
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new InvalidSourceException("encrypted PDF: it cannot be read without its password");
        }
        catch (PdfDocumentFormatException e)
        {
            throw new InvalidSourceException($"damaged or not a PDF ({e.Message})");
        }
    }

    private static ExplicitMetadata MetadataOf(DocumentInformation information) => ExplicitMetadata.None with
    {
        Title = Clean(information.Title) is { } title && !IsToolTitle(title) ? title : null,
        Author = Clean(information.Author),
        Date = information.GetCreatedDateTimeOffset()?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string? Clean(string? value) => WhitespaceNormalizer.Normalize(value ?? "") is { Length: > 0 } clean ? clean : null;

    // Word processors and printer drivers fill the title with the file they came from ("Microsoft Word - report.docx",
    // "Untitled-1"); such a title is worse than the first heading, so it is not used.
    private static bool IsToolTitle(string title) => ToolTitle().IsMatch(title);

    [GeneratedRegex(@"^untitled\b|\.(docx?|odt|rtf|pdf|indd|pptx?|xlsx?|tex|dvi|txt|html?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ToolTitle();
}
