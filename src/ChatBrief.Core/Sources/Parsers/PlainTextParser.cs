using System.Text.RegularExpressions;
using ChatBrief.Core.Sources.Cleaning;
using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;

namespace ChatBrief.Core.Sources.Parsers;

/// <summary>
/// Reads .txt files. Paragraphs are separated by blank lines. Text files exported from web pages often carry
/// Markdown-ish markup (<c>## Heading</c>, <c>*italic*</c>, <c>[link](#)</c>); an ATX heading line is taken as a heading and
/// inline links and emphasis are reduced to their words, as in Markdown. Block syntax is not interpreted, so a line
/// such as "1986. The year..." or "- 5 degrees" keeps every character.
/// </summary>
public sealed partial class PlainTextParser : TextDocumentParser
{
    // Only inline syntax: block parsers would eat list numbers and quote markers, HTML and escapes are not plain-text habits.
    private static readonly MarkdownPipeline InlineOnly = BuildInlineOnlyPipeline();

    public override IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    public override IReadOnlyList<SourceDocument> ParseText(SourceFile file, string text) =>
        [DocumentAssembler.Assemble(file.Source, ReadBlocks(text), ExplicitMetadata.None)];

    private static IEnumerable<TextBlock> ReadBlocks(string text)
    {
        var lines = new List<string>();
        foreach (var line in WhitespaceNormalizer.SplitLines(text))
        {
            var heading = AtxHeading().Match(line);
            if (heading.Success)
            {
                if (lines.Count > 0)
                {
                    yield return ParseInline(BlockKind.Paragraph, lines);
                    lines.Clear();
                }

                yield return ParseInline(BlockKind.Heading, [heading.Groups["text"].Value]);
            }
            else if (WhitespaceNormalizer.IsBlank(line))
            {
                if (lines.Count > 0)
                {
                    yield return ParseInline(BlockKind.Paragraph, lines);
                    lines.Clear();
                }
            }
            else
            {
                lines.Add(line.Trim());
            }
        }

        if (lines.Count > 0)
        {
            yield return ParseInline(BlockKind.Paragraph, lines);
        }
    }

    private static TextBlock ParseInline(BlockKind kind, IReadOnlyList<string> lines)
    {
        var document = Markdown.Parse(string.Join('\n', lines), InlineOnly);
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        return MarkdownInlineText.ToBlock(kind, paragraph?.Inline);
    }

    private static MarkdownPipeline BuildInlineOnlyPipeline()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.BlockParsers.RemoveAll(parser => parser is not ParagraphBlockParser);
        builder.BlockParsers.Find<ParagraphBlockParser>()!.ParseSetextHeadings = false;
        builder.InlineParsers.RemoveAll(parser => parser is HtmlEntityParser or EscapeInlineParser or AutolinkInlineParser);
        return builder.Build();
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)[ \t]*#*[ \t]*$")]
    private static partial Regex AtxHeading();
}
