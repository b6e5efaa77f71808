namespace ChatBrief.Core.Sources;

/// <summary>A cleaned document of the sources: its metadata and its numbered paragraphs.</summary>
/// <param name="Source">The file it came from, relative to the sources folder, with '/' separators.</param>
/// <param name="Metadata">Title, author and the optional fields used in citations.</param>
/// <param name="Paragraphs">The cleaned paragraphs in reading order.</param>
public sealed record SourceDocument(string Source, DocumentMetadata Metadata, IReadOnlyList<Paragraph> Paragraphs);

/// <summary>Citation metadata of a document.</summary>
public sealed record DocumentMetadata(string Title, string? Author = null, string? Date = null, string? Publisher = null, string? Url = null)
{
    /// <summary>True when no title was found and <see cref="Title"/> is the opening words of the text: it then says nothing the text does not.</summary>
    public bool TitleFromText { get; init; }
}

/// <summary>A cleaned paragraph.</summary>
/// <param name="Number">1-based position in the cleaned document (for a JSONL corpus, the line number).</param>
/// <param name="Text">Whitespace-normalised text with markup reduced to its words.</param>
/// <param name="Id">A corpus-given id (JSONL corpora); null for files, whose passages are named by source and number.</param>
/// <param name="Page">The 1-based page it starts on, for paged formats (PDF); null where a file has no pages.</param>
/// <param name="Anchor">The web anchor of the section it stands in (Markdown headings); null where a file has none.</param>
public sealed record Paragraph(int Number, string Text, string? Id = null, int? Page = null, string? Anchor = null);
