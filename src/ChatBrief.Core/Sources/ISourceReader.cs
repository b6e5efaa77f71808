namespace ChatBrief.Core.Sources;

/// <summary>Finds the files of the sources folder and reads each into cleaned documents.</summary>
public interface ISourceReader
{
    /// <summary>
    /// Every candidate file under <paramref name="folder"/> (recursive, sorted by <see cref="SourceFile.Source"/> ordinal).
    /// Hidden files and folders, sidecar metadata files (<c>*.meta.json</c>) and the moderator's <c>aliases.txt</c> at the
    /// root are not sources.
    /// </summary>
    /// <exception cref="Indexing.SourcesUnavailableException">The folder is missing or holds no file.</exception>
    IReadOnlyList<SourceFile> Discover(string folder);

    /// <summary>Reads one file. Never throws for bad content: an unusable file comes back with <see cref="SourceReadResult.SkipReason"/> set.</summary>
    SourceReadResult Read(SourceFile file);
}

/// <summary>What reading a file gave.</summary>
/// <param name="Documents">
/// The cleaned documents (none when skipped; several for a corpus). A corpus's documents are read from the file as they
/// are enumerated (the file was checked whole before the result was returned), so enumerate them once.
/// </param>
/// <param name="SkipReason">Why the file was not used, in words fit for the index summary; null when it was read.</param>
/// <param name="Notes">Things worth telling the moderator about a file that was read (an encoding guess, an ignored sidecar).</param>
public sealed record SourceReadResult(IEnumerable<SourceDocument> Documents, string? SkipReason, IReadOnlyList<string> Notes)
{
    public bool IsSkipped => SkipReason is not null;
}
