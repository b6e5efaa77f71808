using System.Text;
using Markdig.Syntax.Inlines;

namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>
/// The one place where inline markup is reduced to the words a reader sees: links and images become their text,
/// emphasis and code lose their delimiters, autolinks become their address. Both parsers use it, so a
/// <c>[text](#)</c> in a .txt file and in a .md file come out the same.
/// </summary>
internal static class MarkdownInlineText
{
    public static TextBlock ToBlock(BlockKind kind, ContainerInline? inline)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        Append(inline, current, lines);
        lines.Add(current.ToString());

        var normalized = lines.Select(WhitespaceNormalizer.Normalize).Where(line => line.Length > 0).ToList();
        return new TextBlock(kind, normalized, IsWhollyEmphasized(inline), IsLinkOnly(inline));
    }

    private static void Append(Inline? inline, StringBuilder current, List<string> lines)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                current.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                current.Append(code.Content);
                return;
            case AutolinkInline autolink:
                current.Append(WithoutScheme(autolink.Url));
                return;
            case HtmlEntityInline entity:
                current.Append(entity.Transcoded.ToString());
                return;
            case LineBreakInline:
            case HtmlInline html when html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase):
                lines.Add(current.ToString());
                current.Clear();
                return;
            case HtmlInline:
                // A tag carries no words of its own; the text around it is kept.
                return;
            case ContainerInline container:
                // Links, images (their alt text) and emphasis all keep just their children's text.
                foreach (var child in container)
                {
                    Append(child, current, lines);
                }

                return;
        }
    }

    private static string WithoutScheme(string url) =>
        url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url["mailto:".Length..] : url;

    private static bool IsWhollyEmphasized(ContainerInline? inline)
    {
        var visible = VisibleChildren(inline).ToList();
        return visible.Count == 1 && visible[0] is EmphasisInline;
    }

    private static bool IsLinkOnly(ContainerInline? inline)
    {
        var visible = VisibleChildren(inline).ToList();
        return visible.Count > 0 && visible.All(child => child is LinkInline or AutolinkInline || IsSeparator(child));
    }

    // Menus separate their links with bars, bullets or commas; those separators do not make the block prose.
    private static bool IsSeparator(Inline inline) =>
        inline is LiteralInline literal && literal.Content.ToString().Trim().All(c => c is '|' or '•' or '·' or ',' or '/' or '-' or '–');

    private static IEnumerable<Inline> VisibleChildren(ContainerInline? inline) =>
        inline is null
            ? []
            : inline.Where(child => child is not LineBreakInline && !(child is LiteralInline literal && literal.Content.ToString().Trim().Length == 0));
}
