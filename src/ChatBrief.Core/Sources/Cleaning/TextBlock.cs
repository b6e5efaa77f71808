namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>What a parser recognised a block of a document to be; the assembler decides what becomes a passage.</summary>
internal enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Code,
}

/// <summary>
/// A block of a document with its markup already reduced to words. The line structure is kept because navigation
/// junk (menus, tag lists, repeated names) shows up as runs of short lines inside one block.
/// </summary>
/// <param name="Lines">Whitespace-normalised, non-empty lines.</param>
/// <param name="IsEmphasized">The whole block was italic or bold: typical of author bios and disclaimers.</param>
/// <param name="IsLinkOnly">Every word of the block was link text: typical of menus and "related" lists.</param>
/// <param name="Page">The 1-based page the block is on, for paged formats (PDF); null otherwise.</param>
/// <param name="Anchor">The web anchor of the heading the block stands under (Markdown); null otherwise.</param>
internal sealed record TextBlock(BlockKind Kind, IReadOnlyList<string> Lines, bool IsEmphasized = false, bool IsLinkOnly = false, int? Page = null, string? Anchor = null)
{
    public string Text => string.Join(' ', Lines);
}
