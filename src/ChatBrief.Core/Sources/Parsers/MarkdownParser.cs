using ChatBrief.Core.Sources.Cleaning;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ChatBrief.Core.Sources.Parsers;

/// <summary>
/// Reads Markdown (.md, .markdown) by walking Markdig's syntax tree: headings, paragraphs, list items and code blocks
/// become blocks, inline markup is reduced to its words, and a <c>---</c> front matter supplies explicit metadata. Each
/// block remembers the anchor of the heading it stands under, as GitHub and most Markdown sites name it, so that a
/// citation can link to its section.
/// </summary>
public sealed class MarkdownParser : TextDocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    public override IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public override IReadOnlyList<SourceDocument> ParseText(SourceFile file, string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var frontMatter = ExplicitMetadata.None;
        var blocks = new List<TextBlock>();
        string? anchor = null;
        foreach (var block in document.Descendants().OfType<LeafBlock>())
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    frontMatter = FrontMatter.Parse(LinesOf(yaml));
                    break;
                case HeadingBlock heading:
                    anchor = heading.GetAttributes().Id;
                    blocks.Add(MarkdownInlineText.ToBlock(BlockKind.Heading, heading.Inline) with { Anchor = anchor });
                    break;
                case ParagraphBlock paragraph:
                    var kind = paragraph.Parent is ListItemBlock ? BlockKind.ListItem : BlockKind.Paragraph;
                    blocks.Add(MarkdownInlineText.ToBlock(kind, paragraph.Inline) with { Anchor = anchor });
                    break;
                case HtmlBlock:
                    // Raw HTML in Markdown is layout (comments, embeds, divs); HTML documents get a parser of their own.
                    break;
                case CodeBlock code:
                    var lines = LinesOf(code).Select(WhitespaceNormalizer.Normalize).Where(line => line.Length > 0).ToList();
                    blocks.Add(new TextBlock(BlockKind.Code, lines.Count == 0 ? [] : [string.Join(' ', lines)], Anchor: anchor));
                    break;
            }
        }

        return [DocumentAssembler.Assemble(file.Source, blocks, frontMatter)];
    }

    private static IEnumerable<string> LinesOf(LeafBlock block) =>
        block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString());
}
