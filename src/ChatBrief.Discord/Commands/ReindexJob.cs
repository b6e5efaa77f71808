using System.Globalization;
using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Commands;

/// <summary>
/// Rebuilds the index and keeps the moderator informed by editing the deferred response: progress at most every few
/// seconds (edits share the webhook rate limit), then the summary or the reason it failed. The interaction token is
/// valid for 15 minutes; a longer rebuild still completes, only its last edit is lost (and logged).
/// </summary>
internal sealed partial class ReindexJob(
    IIndexManager index,
    IDiscordRestClient rest,
    DiscordTimings timings,
    TimeProvider time,
    ILogger<ReindexJob> logger)
{
    public async Task RunAsync(string interactionToken, bool full, CancellationToken cancellationToken)
    {
        var progress = new LatestProgress();
        var rebuild = Task.Run(() => index.RebuildAsync(full, progress, cancellationToken), cancellationToken);
        IndexBuildProgress? shown = null;
        while (!rebuild.IsCompleted)
        {
            await Task.WhenAny(rebuild, Task.Delay(timings.ProgressEditInterval, time, cancellationToken));
            if (!rebuild.IsCompleted && progress.Latest is { } latest && latest != shown)
            {
                shown = latest;
                await TryEditAsync(interactionToken, Progress(latest), cancellationToken);
            }
        }

        await TryEditAsync(interactionToken, await OutcomeAsync(rebuild), cancellationToken);
    }

    private async Task<OutgoingMessage> OutcomeAsync(Task<IndexBuildReport> rebuild)
    {
        try
        {
            var report = await rebuild;
            LogFinished(report.Documents, report.Passages, report.Elapsed.TotalSeconds);
            return ReindexSummary.Create("Reindex finished", report);
        }
        catch (Exception exception) when (exception is IndexBuildInProgressException or SourcesUnavailableException)
        {
            return Result("Reindex not started", exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception);
            return Result("Reindex failed", "The rebuild failed; the previous index is still answering questions. The server log has the details.");
        }
    }

    private static OutgoingMessage Progress(IndexBuildProgress progress)
    {
        var current = progress.Current is { Length: > 0 } file ? $"\nNow reading: {TextFitter.Fit(file, 300, DiscordMarkdown.Escape)}" : "";
        return Result("Reindexing...", $"{progress.Done} of {progress.Total} sources read.{current}");
    }

    private static OutgoingMessage Result(string title, string description) => OutgoingMessage.Create([new Embed(title, description)]);

    private async Task TryEditAsync(string interactionToken, OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await rest.EditOriginalResponseAsync(interactionToken, message, cancellationToken);
        }
        catch (DiscordRestException exception)
        {
            // A lost progress edit is harmless; the rebuild itself must not stop for it.
            LogEditFailed(exception.StatusCode, exception.ErrorCode);
        }
    }

    /// <summary>Keeps only the newest report; the edit loop reads it at its own pace.</summary>
    private sealed class LatestProgress : IProgress<IndexBuildProgress>
    {
        private IndexBuildProgress? _latest;

        public IndexBuildProgress? Latest => Volatile.Read(ref _latest);

        public void Report(IndexBuildProgress value) => Volatile.Write(ref _latest, value);
    }

    [LoggerMessage(LogLevel.Information, "Reindex from Discord finished: {Documents} documents, {Passages} passages in {Seconds} s")]
    private partial void LogFinished(int documents, int passages, double seconds);

    [LoggerMessage(LogLevel.Error, "Reindex from Discord failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(LogLevel.Warning, "Could not edit the /reindex response: {StatusCode} (code {ErrorCode})")]
    private partial void LogEditFailed(int statusCode, int? errorCode);
}
