namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>
/// Separates prose from page furniture. Scraped articles end in runs of short lines ("Read More About", "More Topics",
/// a repeated author name) glued to the real last paragraph; such a run is cut into lines, the lines that are not
/// sentences are dropped, and the sentences (an author bio, say) are kept as paragraphs of their own.
/// </summary>
internal static class NavigationFilter
{
    public static (IReadOnlyList<TextBlock> Kept, IReadOnlyList<string> Dropped) Split(TextBlock block)
    {
        if (block.IsLinkOnly)
        {
            return ([], block.Lines);
        }

        if (block.Lines.Count == 1 || !IsLineList(block))
        {
            return ProseShape.LooksLikeNavigation(block.Text) ? ([], [block.Text]) : ([block], []);
        }

        var kept = new List<TextBlock>();
        var dropped = new List<string>();
        var run = new List<string>();
        foreach (var line in block.Lines)
        {
            if (ProseShape.LooksLikeNavigation(line))
            {
                Flush();
                dropped.Add(line);
            }
            else
            {
                run.Add(line);
            }
        }

        Flush();
        return (kept, dropped);

        void Flush()
        {
            if (run.Count > 0)
            {
                kept.Add(block with { Lines = [.. run] });
                run.Clear();
            }
        }
    }

    // Hard-wrapped prose has few short unpunctuated lines; a menu or tag list is mostly made of them.
    private static bool IsLineList(TextBlock block) =>
        block.Lines.Count(ProseShape.LooksLikeNavigation) * 2 >= block.Lines.Count;
}
