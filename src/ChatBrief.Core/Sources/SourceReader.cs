using System.Globalization;
using System.Security.Cryptography;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Sources.Cleaning;
using ChatBrief.Core.Sources.Parsers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Sources;

/// <summary>
/// Finds source files and hands each to the parser registered for its extension. Everything that can go wrong with
/// one file (unreadable, binary, empty, too large, unknown type, rejected by its parser) becomes a skip reason, so that
/// one bad file never stops an index build.
/// </summary>
public sealed class SourceReader : ISourceReader
{
    /// <summary>Reserved for the moderators' list of search aliases; it is configuration, not a document.</summary>
    public const string AliasesFileName = "aliases.txt";

    // Corpora are read record by record, so their size costs no memory and the size limit does not apply.
    private static readonly HashSet<string> StreamedExtensions = new(StringComparer.Ordinal) { ".jsonl" };

    private readonly Dictionary<string, IDocumentParser> parsersByExtension = new(StringComparer.Ordinal);
    private readonly IOptions<SourcesOptions> options;
    private readonly ILogger<SourceReader> logger;

    public SourceReader(IEnumerable<IDocumentParser> parsers, IOptions<SourcesOptions> options, ILogger<SourceReader> logger)
    {
        // A parser registered later for the same extension replaces the earlier one, so a host can swap in its own.
        foreach (var parser in parsers)
        {
            foreach (var extension in parser.Extensions)
            {
                parsersByExtension[extension.ToLowerInvariant()] = parser;
            }
        }

        this.options = options;
        this.logger = logger;
    }

    public IReadOnlyList<SourceFile> Discover(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (File.Exists(root))
        {
            throw new SourcesUnavailableException($"The sources path {root} is a file, not a folder.");
        }

        if (!Directory.Exists(root))
        {
            throw new SourcesUnavailableException($"The sources folder {root} does not exist.");
        }

        ThrowIfUnreadable(root);
        var files = FilesUnder(root)
            .Select(path => (Path: path, Source: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .Where(file => IsCandidate(file.Source))
            .OrderBy(file => file.Source, StringComparer.Ordinal)
            .Select(file => Describe(file.Path, file.Source))
            .ToList();

        return files.Count > 0 ? files : throw new SourcesUnavailableException($"The sources folder {root} holds no source files.");
    }

    /// <summary>
    /// Every file under <paramref name="root"/>, following directory links once each: a link back to a folder already
    /// visited (a loop, or a second link to the same folder) is not entered again.
    /// </summary>
    private static IEnumerable<string> FilesUnder(string root)
    {
        var flat = new EnumerationOptions { IgnoreInaccessible = true };
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder))
        {
            var real = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? folder;
            if (!visited.Add(Path.TrimEndingDirectorySeparator(real)))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", flat))
            {
                yield return file;
            }

            foreach (var subfolder in Directory.EnumerateDirectories(folder, "*", flat))
            {
                pending.Push(subfolder);
            }
        }
    }

    public SourceReadResult Read(SourceFile file)
    {
        var notes = new List<string>();
        var extension = Path.GetExtension(file.FullPath).ToLowerInvariant();
        if (!parsersByExtension.TryGetValue(extension, out var parser))
        {
            return Skip(file, extension.Length == 0 ? "unsupported file type (no extension)" : $"unsupported file type {extension}", notes);
        }

        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length == 0)
            {
                return Skip(file, "empty file", notes);
            }

            var limit = options.Value.MaxFileBytes;
            if (!StreamedExtensions.Contains(extension) && stream.Length > limit)
            {
                return Skip(file, $"too large: {Size(stream.Length)} is over the {Size(limit)} limit (Sources:MaxFileBytes)", notes);
            }

            var explicitMetadata = Sidecar.Read(file.FullPath, notes);
            if (parser is IRecordParser records)
            {
                // Checked whole now, so that a bad record skips the file before anything of it is indexed; read again
                // record by record when the documents are enumerated.
                var count = records.ParseRecords(file, stream).Count();
                return Found(file, ReadRecords(records, file, explicitMetadata, titleFromSidecar: count == 1), notes);
            }

            var documents = parser is TextDocumentParser textParser ? ParseText(textParser, file, stream, notes) : parser.Parse(file, stream);
            if (documents.Count == 0)
            {
                return Skip(file, "no text found", notes);
            }

            var titleFromSidecar = documents.Count == 1; // a corpus's records keep their own titles
            return Found(file, documents.Select(document => document with { Metadata = explicitMetadata.ApplyTo(document.Metadata, titleFromSidecar) }).ToList(), notes);
        }
        catch (InvalidSourceException e)
        {
            return Skip(file, e.Message, notes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Skip(file, "cannot be opened: the file no longer exists", notes);
        }
        catch (UnauthorizedAccessException)
        {
            return Skip(file, "cannot be opened: permission denied", notes);
        }
        catch (IOException e)
        {
            return Skip(file, $"cannot be read: {e.Message}", notes);
        }
        catch (Exception e)
        {
            // A parser bug must cost one file, not the whole build; the log keeps the stack trace for whoever fixes it.
            logger.LogError(e, "Parsing {Source} failed", file.Source);
            return Skip(file, $"could not be parsed ({e.GetType().Name}: {e.Message})", notes);
        }
    }

    private SourceReadResult Found(SourceFile file, IEnumerable<SourceDocument> documents, IReadOnlyList<string> notes)
    {
        foreach (var note in notes)
        {
            logger.LogInformation("{Source}: {Note}", file.Source, note);
        }

        return new SourceReadResult(documents, null, notes);
    }

    private static IEnumerable<SourceDocument> ReadRecords(IRecordParser parser, SourceFile file, ExplicitMetadata explicitMetadata, bool titleFromSidecar)
    {
        using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        foreach (var document in parser.ParseRecords(file, stream))
        {
            yield return document with { Metadata = explicitMetadata.ApplyTo(document.Metadata, titleFromSidecar) };
        }
    }

    private static IReadOnlyList<SourceDocument> ParseText(TextDocumentParser parser, SourceFile file, FileStream stream, List<string> notes)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Note is not null)
        {
            notes.Add(decoded.Note);
        }

        if (WhitespaceNormalizer.Normalize(decoded.Text).Length == 0)
        {
            throw new InvalidSourceException("empty file (only whitespace)");
        }

        return parser.ParseText(file, decoded.Text);
    }

    private SourceReadResult Skip(SourceFile file, string reason, IReadOnlyList<string> notes)
    {
        logger.LogInformation("Skipping {Source}: {Reason}", file.Source, reason);
        return new SourceReadResult([], reason, notes);
    }

    // Discover ignores the folders it may not read, and would then call an unreadable root empty.
    private static void ThrowIfUnreadable(string root)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(root).GetEnumerator();
            entries.MoveNext();
        }
        catch (UnauthorizedAccessException)
        {
            throw new SourcesUnavailableException($"The sources folder {root} cannot be read: permission denied.");
        }
    }

    private static bool IsCandidate(string source)
    {
        var segments = source.Split('/');
        return !segments.Any(segment => segment.StartsWith('.'))
            && !Sidecar.IsSidecar(source)
            && !string.Equals(source, AliasesFileName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The file with a hash of its bytes and of its sidecar's, so that editing either marks it as changed.</summary>
    private static SourceFile Describe(string path, string source)
    {
        long length;
        string hash;
        try
        {
            length = new FileInfo(path).Length;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            AppendFile(sha, path);
            var sidecar = Sidecar.PathFor(path);
            if (File.Exists(sidecar))
            {
                AppendFile(sha, sidecar);
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read() reports the problem; a distinct hash makes the file count as changed once it can be read.
            length = 0;
            hash = "unreadable";
        }

        return new SourceFile(path, source, hash, length);
    }

    private static void AppendFile(IncrementalHash sha, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB ({bytes:N0} bytes)"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB ({bytes:N0} bytes)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };
}
