using System.Text;
using AngleSharp.Dom;
using ChatBrief.Core.Sources.Cleaning;

namespace ChatBrief.Core.Sources.Parsers;

/// <summary>
/// Walks an HTML element into text blocks: every block-level element (p, li, blockquote, h1-h6, div, td, ...) ends the
/// text before it and starts a block of its own, inline elements (a, em, span, ...) add their text to the current block,
/// and <c>&lt;br&gt;</c> starts a new line of it. Page layout that is not the article (navigation, headers, footers,
/// asides, forms, scripts, hidden elements) is skipped whole.
/// </summary>
internal sealed class HtmlBlocks
{
    private static readonly HashSet<string> LayoutElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "iframe", "svg", "canvas",
        "button", "select", "textarea", "object", "embed", "dialog", "menu",
    };

    private static readonly HashSet<string> LayoutRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    private static readonly HashSet<string> EmphasisElements = new(StringComparer.OrdinalIgnoreCase) { "em", "i", "strong", "b" };

    private readonly List<TextBlock> blocks = [];
    private readonly List<string> lines = [];
    private readonly StringBuilder line = new();
    private int letters;
    private int linkLetters;
    private int emphasisLetters;

    private HtmlBlocks()
    {
    }

    public static IReadOnlyList<TextBlock> Read(IElement root)
    {
        var reader = new HtmlBlocks();
        reader.WalkChildren(root, BlockKind.Paragraph, inLink: false, inEmphasis: false);
        reader.EndBlock(BlockKind.Paragraph);
        return reader.blocks;
    }

    /// <summary>True for an element that is page layout, or sits inside one: its text is not the article's.</summary>
    public static bool IsInsideLayout(IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (IsLayout(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLayout(IElement element) =>
        LayoutElements.Contains(element.LocalName)
        || IsHidden(element)
        || (element.GetAttribute("role") is { } role && LayoutRoles.Contains(role));

    // A reader never sees hidden text, so it cannot be quoted to them (cookie notices, app shells, screen-reader extras).
    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") ?? "").Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);

    /// <summary>Headings are not passages but context: the assembler takes the first as a title and never mends a paragraph across one.</summary>
    private static BlockKind? KindOf(string elementName) => elementName.ToLowerInvariant() switch
    {
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" => BlockKind.ListItem,
        "pre" => BlockKind.Code,
        _ => null,
    };

    private void WalkChildren(INode node, BlockKind kind, bool inLink, bool inEmphasis)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                Append(text.Data, inLink, inEmphasis);
            }
            else if (child is IElement element && !IsLayout(element))
            {
                Visit(element, kind, inLink, inEmphasis);
            }
        }
    }

    private void Visit(IElement element, BlockKind kind, bool inLink, bool inEmphasis)
    {
        var name = element.LocalName;
        if (string.Equals(name, "br", StringComparison.OrdinalIgnoreCase))
        {
            lines.Add(line.ToString());
            line.Clear();
        }
        else if (BlockElements.Contains(name))
        {
            EndBlock(kind);
            var innerKind = KindOf(name) ?? kind;
            WalkChildren(element, innerKind, inLink, inEmphasis);
            EndBlock(innerKind);
        }
        else
        {
            var isLink = string.Equals(name, "a", StringComparison.OrdinalIgnoreCase);
            WalkChildren(element, kind, inLink || isLink, inEmphasis || EmphasisElements.Contains(name));
        }
    }

    private void Append(string text, bool inLink, bool inEmphasis)
    {
        line.Append(text);
        var count = text.Count(char.IsLetterOrDigit);
        letters += count;
        linkLetters += inLink ? count : 0;
        emphasisLetters += inEmphasis ? count : 0;
    }

    private void EndBlock(BlockKind kind)
    {
        lines.Add(line.ToString());
        var normalized = lines.Select(WhitespaceNormalizer.Normalize).Where(text => text.Length > 0).ToList();
        if (normalized.Count > 0)
        {
            // Letters, not characters: the bars and bullets between menu links do not make a menu prose.
            blocks.Add(new TextBlock(kind, normalized, IsEmphasized: letters > 0 && emphasisLetters == letters, IsLinkOnly: letters > 0 && linkLetters == letters));
        }

        lines.Clear();
        line.Clear();
        letters = linkLetters = emphasisLetters = 0;
    }
}
