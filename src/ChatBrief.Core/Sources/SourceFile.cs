namespace ChatBrief.Core.Sources;

/// <summary>A file found in the sources folder, not yet read.</summary>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="Source">Path relative to the sources folder, with '/' separators: the key of its documents in the index.</param>
/// <param name="ContentHash">Hash of the file and of any sidecar metadata file, so that an edit of either is noticed.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record SourceFile(string FullPath, string Source, string ContentHash, long Length);

/// <summary>Turns the bytes of one kind of source file into documents.</summary>
public interface IDocumentParser
{
    /// <summary>The file extensions (with the dot, lower case) this parser reads.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Parses a file. Throws <see cref="InvalidSourceException"/> with a human reason when the file cannot be used.</summary>
    IReadOnlyList<SourceDocument> Parse(SourceFile file, Stream content);
}

/// <summary>
/// A parser for files that hold many documents (corpora): it reads them one record at a time, so that a million-passage
/// corpus is never held in memory whole.
/// </summary>
public interface IRecordParser : IDocumentParser
{
    /// <summary>
    /// The file's documents, parsed as they are enumerated. Throws <see cref="InvalidSourceException"/> on reaching a
    /// record that cannot be used, or at the end when the file held none.
    /// </summary>
    IEnumerable<SourceDocument> ParseRecords(SourceFile file, Stream content);
}

/// <summary>A source file that cannot be indexed; the message says why, for the index summary.</summary>
public sealed class InvalidSourceException(string reason) : Exception(reason);
