using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Passages;

/// <summary>The unit that is indexed, ranked and quoted: a paragraph, or a part of a very long one.</summary>
/// <param name="Id">Stable id: the corpus id, else <c>source#number</c> (<c>source#number.part</c> for a split paragraph).</param>
/// <param name="Source">The source file, relative to the sources folder.</param>
/// <param name="Number">1-based paragraph number in the cleaned document.</param>
/// <param name="Part">0 for a whole paragraph; 1.. for the parts of a split one.</param>
/// <param name="Text">The quoted text.</param>
/// <param name="Sentences">Sentence spans within <see cref="Text"/>, in order, covering it.</param>
/// <param name="Metadata">The document's citation metadata.</param>
/// <param name="Page">The 1-based page its paragraph starts on, for paged formats (PDF); null otherwise.</param>
/// <param name="Anchor">The web anchor of the section its paragraph stands in (Markdown headings); null otherwise.</param>
public sealed record Passage(
    string Id,
    string Source,
    int Number,
    int Part,
    string Text,
    IReadOnlyList<TextSpan> Sentences,
    DocumentMetadata Metadata,
    int? Page = null,
    string? Anchor = null);

/// <summary>A span of characters of a text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}
