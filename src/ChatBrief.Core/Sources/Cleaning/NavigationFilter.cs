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

        var navigation = block.Lines.Select((_, index) => IsNavigationLine(block.Lines, index)).ToList();
        if (block.Lines.Count == 1 || navigation.Count(isNavigation => isNavigation) * 2 < block.Lines.Count)
        {
            // Hard-wrapped prose has few short unpunctuated lines; a menu or a tag list is mostly made of them.
            return ProseShape.LooksLikeNavigation(block.Text) ? ([], [block.Text]) : ([block], []);
        }

        var kept = new List<TextBlock>();
        var dropped = new List<string>();
        var run = new List<string>();
        for (var index = 0; index < block.Lines.Count; index++)
        {
            var line = block.Lines[index];
            if (navigation[index])
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

    // A short line whose sentence goes on in lower case on the next line is wrapped prose, not a menu entry.
    private static bool IsNavigationLine(IReadOnlyList<string> lines, int index) =>
        ProseShape.LooksLikeNavigation(lines[index]) && !(index + 1 < lines.Count && ProseShape.StartsInLowerCase(lines[index + 1]));
}
