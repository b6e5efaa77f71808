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
        string? byline = null;
        var units = new List<TextBlock>();
        foreach (var block in blocks.Where(block => block.Lines.Count > 0))
        {
            if (block.Kind == BlockKind.Heading)
            {
                firstHeading ??= block.Text;
                units.Add(block); // kept for now as a barrier: a page break never spans a heading
            }
            else if (block.Kind == BlockKind.Code)
            {
                units.Add(block);
            }
            else if (RemoveBylines(block, ref byline) is { } rest)
            {
                units.Add(rest);
            }
        }

        // Mending comes before the navigation filter: the first half of a cut paragraph can be short and unpunctuated.
        var (paragraphs, leadingLine) = RemoveNavigation(RepairPageBreaks(units));
        if (paragraphs.Count == 0)
        {
            throw new InvalidSourceException("no prose paragraphs found (only headings, bylines or navigation)");
        }

        var texts = paragraphs.Select(paragraph => paragraph.Text).ToList();
        var foundTitle = explicitMetadata.Title ?? firstHeading ?? leadingLine;
        var (title, titleFromText) = foundTitle is null ? TitleFallback.For(source, texts) : (foundTitle, false);
        var metadata = new DocumentMetadata(
            title,
            explicitMetadata.Author ?? byline ?? AuthorFromBio(paragraphs),
            explicitMetadata.Date,
            explicitMetadata.Publisher,
            explicitMetadata.Url)
        {
            TitleFromText = titleFromText,
        };

        // A paragraph mended across a page break keeps the page it starts on: that is where a reader finds its first words.
        return new SourceDocument(source, metadata, [.. paragraphs.Select((paragraph, index) => new Paragraph(index + 1, paragraph.Text, Page: paragraph.Page, Anchor: paragraph.Anchor))]);
    }

    /// <summary>
    /// The paragraphs that are prose, without headings; and the document's own title line when plain text opens with a
    /// short unpunctuated line before any prose, as it has no heading markup to say so.
    /// </summary>
    private static (List<TextBlock> Paragraphs, string? LeadingLine) RemoveNavigation(List<TextBlock> units)
    {
        string? leadingLine = null;
        var paragraphs = new List<TextBlock>();
        foreach (var unit in units)
        {
            if (unit.Kind == BlockKind.Heading)
            {
                continue;
            }

            if (unit.Kind == BlockKind.Code)
            {
                paragraphs.Add(unit);
                continue;
            }

            var (kept, dropped) = NavigationFilter.Split(unit);
            if (kept.Count == 0 && dropped.Count == 1 && paragraphs.Count == 0 && !unit.IsLinkOnly)
            {
                leadingLine ??= dropped[0];
            }

            paragraphs.AddRange(kept.Where(block => !BoilerplateFilter.IsBoilerplate(block.Text)));
        }

        return (paragraphs, leadingLine);
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
    /// break; page furniture between the halves (a running header, a page number) goes with the break.
    /// </summary>
    private static List<TextBlock> RepairPageBreaks(List<TextBlock> units)
    {
        var repaired = new List<TextBlock>();
        for (var i = 0; i < units.Count; i++)
        {
            var next = i;
            while (next < units.Count - 1 && IsPageFurniture(units[next]))
            {
                next++;
            }

            if (repaired.Count > 0 && IsCutOff(repaired[^1]) && IsProse(units[next]) && ProseShape.StartsInLowerCase(units[next].Text))
            {
                var previous = repaired[^1];
                // One line: the joined halves are prose, whatever the shape of the lines they were cut into.
                repaired[^1] = previous with
                {
                    Lines = [previous.Text + " " + units[next].Text],
                    IsEmphasized = previous.IsEmphasized && units[next].IsEmphasized,
                };
                i = next;
            }
            else
            {
                repaired.Add(units[i]);
            }
        }

        return repaired;
    }

    private static bool IsCutOff(TextBlock block) => IsProse(block) && !ProseShape.EndsSentence(block.Text);

    private static bool IsPageFurniture(TextBlock block) =>
        block.Kind == BlockKind.Paragraph && block.Lines.Count == 1 && ProseShape.LooksLikeNavigation(block.Text);

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
