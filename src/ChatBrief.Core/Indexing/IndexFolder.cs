using Lucene.Net.Index;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// The folder the index lives in: opening it, telling the real cause when it cannot be used (a path that is a file, no
/// permission, a full disk), and moving a broken index aside so that it can be rebuilt without losing the evidence.
/// </summary>
internal sealed class IndexFolder(string path, ILogger logger) : IDisposable
{
    /// <summary>Where the last broken index is kept, inside the index folder, where Lucene never looks.</summary>
    public const string BrokenFolderName = "broken";

    private LuceneDirectory? _directory;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public LuceneDirectory Open()
    {
        if (_directory is not null)
        {
            return _directory;
        }

        if (File.Exists(Path))
        {
            throw new IndexFolderException(PathIsAFile(Path));
        }

        try
        {
            System.IO.Directory.CreateDirectory(Path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new IndexFolderException($"The index folder '{Path}' cannot be created: {Cause(e)}.", e);
        }

        return _directory = FSDirectory.Open(Path);
    }

    /// <summary>Fails with the real cause when a build could not write here, before a writer reports it as a lock held by someone else.</summary>
    public void EnsureWritable()
    {
        var probe = System.IO.Path.Combine(Path, $".write-probe-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, [0]);
            File.Delete(probe);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new IndexFolderException($"ChatBrief cannot write to the index folder '{Path}': {Cause(e)}.", e);
        }
    }

    /// <summary>
    /// Moves every file of a broken index into <see cref="BrokenFolderName"/> (replacing the broken index kept before), so
    /// that a rebuild starts from an empty folder. Refuses while another process writes the index.
    /// </summary>
    public void MoveAside(string reason)
    {
        var directory = Open();
        if (IndexWriter.IsLocked(directory))
        {
            throw new IndexBuildInProgressException();
        }

        var broken = System.IO.Path.Combine(Path, BrokenFolderName);
        if (System.IO.Directory.Exists(broken))
        {
            System.IO.Directory.Delete(broken, recursive: true);
        }

        System.IO.Directory.CreateDirectory(broken);
        // The moderators' audit trail lives beside the index but is not part of it: it stays.
        foreach (var file in System.IO.Directory.GetFiles(Path).Where(f => System.IO.Path.GetFileName(f) != Moderation.AuditLog.FileName))
        {
            File.Move(file, System.IO.Path.Combine(broken, System.IO.Path.GetFileName(file)));
        }

        File.WriteAllText(System.IO.Path.Combine(broken, "REASON.txt"), reason + Environment.NewLine);
        logger.LogWarning("The index at {IndexPath} was moved aside to {BrokenPath} and will be rebuilt: {Reason}", Path, broken, reason);
    }

    /// <summary>Checked at start, and again at open, since the path can become a file while the host runs.</summary>
    public static string PathIsAFile(string path) => $"The index path {path} is a file, not a folder (Index:Path or --index): give the index a folder of its own.";

    /// <summary>The cause of a file-system failure in words a moderator can act on.</summary>
    public static string Cause(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        IOException io when IsDiskFull(io) => "the disk is full",
        _ => e.Message,
    };

    public static bool IsDiskFull(IOException e) =>
        // ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows; ENOSPC (28) as .NET reports it on Unix.
        e.HResult is unchecked((int)0x80070070) or unchecked((int)0x80070027) or 28 || e.InnerException is IOException inner && IsDiskFull(inner);

    public void Dispose() => _directory?.Dispose();
}

/// <summary>The index folder cannot be used; the message names the cause and what to do.</summary>
public sealed class IndexFolderException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
