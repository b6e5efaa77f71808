namespace ChatBrief.Core.Sources.Parsers;

/// <summary>
/// Base of the parsers of text formats (plain text, Markdown, HTML): decoding, the binary check and the
/// encoding note are done once, by the reader, before <see cref="ParseText"/> sees the text. Binary formats such as
/// PDF implement <see cref="IDocumentParser"/> directly instead.
/// </summary>
public abstract class TextDocumentParser : IDocumentParser
{
    public abstract IReadOnlyCollection<string> Extensions { get; }

    public IReadOnlyList<SourceDocument> Parse(SourceFile file, Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return ParseText(file, TextDecoder.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)).Text);
    }

    /// <summary>Parses decoded text. Throws <see cref="InvalidSourceException"/> when nothing usable is in it.</summary>
    public abstract IReadOnlyList<SourceDocument> ParseText(SourceFile file, string text);
}
