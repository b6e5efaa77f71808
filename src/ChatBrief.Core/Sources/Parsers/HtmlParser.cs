using AngleSharp.Dom;
using ChatBrief.Core.Sources.Cleaning;
using AngleSharpHtmlParser = AngleSharp.Html.Parser.HtmlParser;

namespace ChatBrief.Core.Sources.Parsers;

/// <summary>
/// Reads web pages saved as .html or .htm: the article's text without the page around it (navigation, headers, footers,
/// asides, forms, scripts), and title, byline, date, site name and canonical address from the page's meta tags.
/// </summary>
public sealed class HtmlParser : TextDocumentParser
{
    public override IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public override IReadOnlyList<SourceDocument> ParseText(SourceFile file, string text)
    {
        var page = new AngleSharpHtmlParser().ParseDocument(text);
        var blocks = HtmlBlocks.Read(ArticleOf(page));
        if (!blocks.Any(block => block.Kind != BlockKind.Heading))
        {
            throw new InvalidSourceException("no article text found (only navigation, headers, scripts or forms)");
        }

        return [DocumentAssembler.Assemble(file.Source, blocks, HtmlMetadata.Read(page))];
    }

    /// <summary>
    /// The element that holds the article: the longest <c>&lt;article&gt;</c> (teasers of other articles are short), else
    /// <c>&lt;main&gt;</c>, else the whole body.
    /// </summary>
    private static IElement ArticleOf(IDocument page) =>
        page.QuerySelectorAll("article").Where(article => !HtmlBlocks.IsInsideLayout(article)).MaxBy(article => article.TextContent.Length)
        ?? page.QuerySelector("main, [role=main]")
        ?? page.Body
        ?? page.DocumentElement;
}
