namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>
/// Turns the blocks a parser recognised into a cleaned document: pulls out title and byline, drops navigation,
/// mends paragraphs cut by page breaks, numbers what is left and works out the metadata. Shared by every text format.
/// </summary>
internal static class DocumentAssembler
{
    public static SourceDocument Assemble(string source, IEnumerable<TextBlock> blocks, ExplicitMetadata explicitMetadata)
    {
        string? firstHeading = null;
        string? leadingLine = null;
        string? byline = null;
        var units = new List<TextBlock>();

        foreach (var block in blocks.Where(block => block.Lines.Count > 0))
        {
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    firstHeading ??= block.Text;
                    units.Add(block); // kept for now as a barrier: a page break never spans a heading
                    break;
                case BlockKind.Code:
                    units.Add(block);
                    break;
                default:
                    var withoutByline = RemoveBylines(block, ref byline);
                    if (withoutByline is null)
                    {
                        break;
                    }

                    var (kept, dropped) = NavigationFilter.Split(withoutByline);
                    // A short unpunctuated line before any prose is the document's own title line, as plain text has no headings.
                    if (kept.Count == 0 && dropped.Count == 1 && !units.Any(IsProse) && !withoutByline.IsLinkOnly)
                    {
                        leadingLine ??= dropped[0];
                    }

                    units.AddRange(kept);
                    break;
            }
        }

        var paragraphs = RepairPageBreaks(units).Where(unit => unit.Kind != BlockKind.Heading).ToList();
        if (paragraphs.Count == 0)
        {
            throw new InvalidSourceException("no prose paragraphs found (only headings, bylines or navigation)");
        }

        var texts = paragraphs.Select(paragraph => paragraph.Text).ToList();
        var metadata = new DocumentMetadata(
            explicitMetadata.Title ?? firstHeading ?? leadingLine ?? TitleFallback.For(source, texts),
            explicitMetadata.Author ?? byline ?? AuthorFromBio(paragraphs),
            explicitMetadata.Date,
            explicitMetadata.Publisher,
            explicitMetadata.Url);

        return new SourceDocument(source, metadata, [.. texts.Select((text, index) => new Paragraph(index + 1, text))]);
    }

    private static bool IsProse(TextBlock block) => block.Kind is BlockKind.Paragraph or BlockKind.ListItem;

    /// <summary>Takes byline lines out of a block (remembering the first author); null when nothing else is left.</summary>
    private static TextBlock? RemoveBylines(TextBlock block, ref string? byline)
    {
        var rest = new List<string>();
        foreach (var line in block.Lines)
        {
            if (BylineDetector.TryRead(line, out var author))
            {
                byline ??= author;
            }
            else
            {
                rest.Add(line);
            }
        }

        return rest.Count == 0 ? null : rest.Count == block.Lines.Count ? block : block with { Lines = rest };
    }

    /// <summary>
    /// A paragraph that stops mid-sentence followed by one that starts in lower case is one paragraph cut by a page
    /// break (or by a page footer that the navigation filter already removed).
    /// </summary>
    private static List<TextBlock> RepairPageBreaks(List<TextBlock> units)
    {
        var repaired = new List<TextBlock>();
        foreach (var unit in units)
        {
            if (repaired.Count > 0
                && IsProse(unit)
                && IsProse(repaired[^1])
                && !ProseShape.EndsSentence(repaired[^1].Text)
                && ProseShape.StartsInLowerCase(unit.Text))
            {
                var previous = repaired[^1];
                repaired[^1] = previous with
                {
                    Lines = [.. previous.Lines, .. unit.Lines],
                    IsEmphasized = previous.IsEmphasized && unit.IsEmphasized,
                };
            }
            else
            {
                repaired.Add(unit);
            }
        }

        return repaired;
    }

    // A bio at the end names the author of an article; an italic bio paragraph anywhere is the author's box.
    private static string? AuthorFromBio(IReadOnlyList<TextBlock> paragraphs)
    {
        var candidates = paragraphs.TakeLast(2).Reverse().Concat(paragraphs.Where(paragraph => paragraph.IsEmphasized));
        foreach (var paragraph in candidates)
        {
            if (AuthorBioDetector.TryRead(paragraph.Text, out var author))
            {
                return author;
            }
        }

        return null;
    }
}
