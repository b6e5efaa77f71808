using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using ChatBrief.Core.Answers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Feedback;

/// <summary>
/// What the doors tell about questions and votes. Nothing here touches the disk: each record joins a queue that one
/// background writer empties into the <see cref="IFeedbackStore"/>, so a slow or broken disk never delays an answer. A
/// store that cannot be opened is reported once, and the bot goes on answering without logging or feedback buttons.
/// </summary>
public sealed partial class FeedbackLog(IFeedbackStore store, IOptions<DataOptions> options, TimeProvider clock, ILogger<FeedbackLog> logger) : BackgroundService
{
    /// <summary>Records waiting beyond this are dropped (and counted in the log): an answer never waits for the disk.</summary>
    public const int QueueLength = 10_000;

    /// <summary>How many answered questions keep their text in memory only, so that a 👎 on one can keep it.</summary>
    public const int RecentTextsKept = 1000;

    private static readonly TimeSpan SweepInterval = TimeSpan.FromHours(24);

    private readonly Channel<Queued> _queue = Channel.CreateBounded<Queued>(
        new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly ConcurrentDictionary<string, string> _recentTexts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _recentOrder = new();
    private volatile bool _broken;

    /// <summary>False when logging is off or the store cannot be used: answers then carry no feedback buttons.</summary>
    public bool IsOn => options.Value.Enabled && !_broken;

    /// <summary>Logs a first-page answer and returns the id its feedback buttons name, or null when logging is off.</summary>
    /// <param name="userId">The asker's platform id; only its salted hash is stored.</param>
    public string? RecordQuestion(string door, string userId, Answer answer)
    {
        if (!IsOn)
        {
            return null;
        }

        var id = NewAnswerId();
        var keepText = answer.Abstained || options.Value.LogQuestionText;
        if (!keepText)
        {
            Remember(id, answer.Question);
        }

        var passages = answer.Results.Select(r => new ShownPassage(r.Source, r.Passage)).ToList();
        var at = clock.GetUtcNow();
        Enqueue(s => s.AddQuestion(id, at, door, userId, answer.Abstained, passages, answer.Latency, keepText ? answer.Question : null));
        return id;
    }

    /// <summary>Records <paramref name="userId"/>'s vote, replacing their earlier one; <paramref name="question"/> is the text when the door can read it back.</summary>
    public void RecordVote(string door, string answerId, string userId, Vote vote, string? question = null)
    {
        var text = vote == Vote.Down ? question ?? _recentTexts.GetValueOrDefault(answerId) : null;
        var at = clock.GetUtcNow();
        Enqueue(s => s.SetVote(answerId, door, userId, vote, at, text));
    }

    /// <summary>Adds why a 👎 was given.</summary>
    public void RecordReason(string answerId, string userId, DownReason? reason, string? comment) =>
        Enqueue(s => s.SetReason(answerId, userId, reason, comment));

    /// <summary>Remembers the chat message that carries an answer (Teams' feedback names the message, not the answer).</summary>
    public void LinkMessage(string answerId, string messageRef) => Enqueue(s => s.LinkMessage(answerId, messageRef));

    /// <summary>Records a vote given on a chat message; it is matched to the answer after earlier links are written.</summary>
    public void RecordVoteOnMessage(string door, string messageRef, string userId, Vote vote, string? comment)
    {
        var at = clock.GetUtcNow();
        Enqueue(s =>
        {
            if (s.FindAnswer(messageRef) is not { } answerId)
            {
                LogUnknownMessage(door);
                return;
            }

            s.SetVote(answerId, door, userId, vote, at, vote == Vote.Down ? _recentTexts.GetValueOrDefault(answerId) : null);
            if (vote == Vote.Down && comment is { Length: > 0 })
            {
                s.SetReason(answerId, userId, null, comment);
            }
        });
    }

    /// <summary>Completes once every record queued before the call is written (or dropped because the store is broken).</summary>
    public Task FlushAsync()
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(new Queued(null, written)) ? written.Task : Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            store.Open();
            Sweep();
        }
        catch (FeedbackStoreException e)
        {
            _broken = true;
            LogStoreUnusable(e.Message);
        }

        var sweeping = SweepDailyAsync(stoppingToken);
        try
        {
            await foreach (var queued in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                Write(queued);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (or a host that failed to start being disposed): what is still queued is let go.
        }

        await sweeping;
    }

    private async Task SweepDailyAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!_broken)
            {
                await Task.Delay(SweepInterval, clock, stoppingToken);
                Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Write(Queued queued)
    {
        try
        {
            if (!_broken)
            {
                queued.Write?.Invoke(store);
            }
        }
        catch (FeedbackStoreException e)
        {
            LogWriteFailed(e.Message);
        }

        queued.Flushed?.TrySetResult();
    }

    private void Sweep()
    {
        try
        {
            if (store.DeleteOlderThan(clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays)) is > 0 and var deleted)
            {
                LogSwept(deleted, options.Value.RetentionDays);
            }
        }
        catch (FeedbackStoreException e)
        {
            LogWriteFailed(e.Message);
        }
    }

    private void Enqueue(Action<IFeedbackStore> write)
    {
        if (!IsOn)
        {
            return;
        }

        if (!_queue.Writer.TryWrite(new Queued(write, null)))
        {
            LogDropped(QueueLength);
        }
    }

    private void Remember(string answerId, string question)
    {
        _recentTexts[answerId] = question;
        _recentOrder.Enqueue(answerId);
        while (_recentOrder.Count > RecentTextsKept && _recentOrder.TryDequeue(out var oldest))
        {
            _recentTexts.TryRemove(oldest, out _);
        }
    }

    /// <summary>Twelve random letters and digits: unguessable enough that nobody votes on an answer they were not shown.</summary>
    private static string NewAnswerId() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);

    /// <summary>A record to write, or a marker that completes <see cref="FlushAsync"/> when the writer reaches it.</summary>
    private readonly record struct Queued(Action<IFeedbackStore>? Write, TaskCompletionSource? Flushed);

    [LoggerMessage(LogLevel.Error, "Questions and feedback are not being logged: {Reason} Answers go on as usual.")]
    private partial void LogStoreUnusable(string reason);

    [LoggerMessage(LogLevel.Error, "A feedback record could not be written: {Reason}")]
    private partial void LogWriteFailed(string reason);

    [LoggerMessage(LogLevel.Warning, "The feedback queue is full ({QueueLength} records waiting); a record was dropped")]
    private partial void LogDropped(int queueLength);

    [LoggerMessage(LogLevel.Information, "Deleted {Deleted} question log and vote rows older than {RetentionDays} days")]
    private partial void LogSwept(int deleted, int retentionDays);

    [LoggerMessage(LogLevel.Information, "A {Door} vote named a message whose answer is not in the log; it was not recorded")]
    private partial void LogUnknownMessage(string door);
}
