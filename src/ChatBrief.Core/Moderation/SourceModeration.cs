using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Sources;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Core.Moderation;

/// <summary>What a moderator's change to the sources did.</summary>
/// <param name="Change">The change to the files, in a sentence ("Added notes.md.").</param>
/// <param name="PassagesBefore">Passages the index held before the change.</param>
/// <param name="Report">The incremental reindex that followed, or null when it could not run.</param>
/// <param name="IndexProblem">Why the index was not updated (the file change stands), or null.</param>
public sealed record SourceChange(string Change, int PassagesBefore, IndexBuildReport? Report, string? IndexProblem);

/// <summary>
/// Adds and removes sources for moderators in either chat door, then brings the index up to date (changed files only)
/// and records the action in the audit log, whatever its outcome. The doors check who is a moderator; this does the work.
/// </summary>
public sealed partial class SourceModeration(SourceLibrary library, SourceDownloader downloader, IIndexManager index, AuditLog audit, ILogger<SourceModeration> logger)
{
    public const string AddAction = "source add";
    public const string RemoveAction = "source remove";

    /// <exception cref="SourceChangeRefusedException">The file was refused (name, type, size, origin, or a name in use without <paramref name="replace"/>); nothing changed.</exception>
    public async Task<SourceChange> AddAsync(Moderator who, SourceUpload upload, bool replace, CancellationToken cancellationToken)
    {
        bool replaced;
        try
        {
            replaced = await downloader.DownloadAsync(upload, replace, cancellationToken);
        }
        catch (SourceChangeRefusedException e)
        {
            audit.Record(who, AddAction, upload.FileName, AuditResult.Refused, e.Message);
            throw;
        }

        return await ReindexAsync(who, AddAction, upload.FileName, replaced ? $"Replaced {upload.FileName}." : $"Added {upload.FileName}.", cancellationToken);
    }

    /// <exception cref="SourceChangeRefusedException">No such source; nothing changed.</exception>
    public async Task<SourceChange> RemoveAsync(Moderator who, string source, CancellationToken cancellationToken)
    {
        string movedTo;
        try
        {
            movedTo = library.Remove(source);
        }
        catch (SourceChangeRefusedException e)
        {
            audit.Record(who, RemoveAction, source, AuditResult.Refused, e.Message);
            throw;
        }

        return await ReindexAsync(who, RemoveAction, source, $"Removed {source} (moved to {movedTo}).", cancellationToken);
    }

    /// <summary>The files of the sources folder, indexed or not.</summary>
    public IReadOnlyList<string> List() => library.List();

    private async Task<SourceChange> ReindexAsync(Moderator who, string action, string target, string change, CancellationToken cancellationToken)
    {
        var before = index.GetStatus().Passages;
        try
        {
            var report = await index.RebuildAsync(full: false, cancellationToken: cancellationToken);
            audit.Record(who, action, target, AuditResult.Done, $"{change} {AnswerWording.ReindexReport(report, before)}");
            return new SourceChange(change, before, report, null);
        }
        catch (Exception e) when (e is IndexBuildInProgressException or SourcesUnavailableException or IndexFolderException)
        {
            audit.Record(who, action, target, AuditResult.Failed, $"{change} The index was not updated: {e.Message}");
            return new SourceChange(change, before, null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReindexFailed(e, action, target);
            const string problem = "the reindex failed; the previous index is still answering. The server log has the details.";
            audit.Record(who, action, target, AuditResult.Failed, $"{change} The index was not updated: {problem}");
            return new SourceChange(change, before, null, problem);
        }
    }

    [LoggerMessage(LogLevel.Error, "The reindex after {Action} {Target} failed")]
    private partial void LogReindexFailed(Exception exception, string action, string target);
}
