using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord;

/// <summary>
/// Runs work that outlives the HTTP request or gateway event that started it (a reindex, a slow answer, a reply to a
/// mention), so that the request can be acknowledged within Discord's deadline. When the host stops, an answer under
/// way may still go out until the host's shutdown bound runs out; index work is cancelled at once and rolls back.
/// Stopping returns once every piece of work has ended.
/// </summary>
internal sealed partial class BackgroundWork(ILogger<BackgroundWork> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _givenUp = new();
    private readonly ConcurrentDictionary<Task, string> _running = new();

    /// <summary>
    /// Cancelled when the host stops waiting for work at shutdown; work started here must not depend on a request's
    /// token, which ends with the response.
    /// </summary>
    public CancellationToken GiveUpToken => _givenUp.Token;

    /// <summary>Work that should finish even when the host stops (an answer): cancelled only when the shutdown bound runs out.</summary>
    public void Run(string description, Func<CancellationToken, Task> work) => Start(description, work, _givenUp.Token);

    /// <summary>Work that should stop with the host (a reindex, a source change): cancelled as soon as stopping begins.</summary>
    public void RunUntilStopping(string description, Func<CancellationToken, Task> work) => Start(description, work, _stopping.Token);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await using (cancellationToken.Register(_givenUp.Cancel))
        {
            // Waits past the bound too: cancelled work ends at its next check, and a reindex must finish rolling back
            // before the index is disposed of.
            await Task.WhenAll(_running.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _givenUp.Dispose();
    }

    private void Start(string description, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                LogCancelled(description);
            }
            catch (Exception exception)
            {
                LogFailed(exception, description);
            }
        });
        _running[task] = description;
        task.ContinueWith(finished => _running.TryRemove(finished, out _), TaskScheduler.Default);
    }

    [LoggerMessage(LogLevel.Information, "Discord background work '{Description}' was cancelled by shutdown")]
    private partial void LogCancelled(string description);

    [LoggerMessage(LogLevel.Error, "Discord background work '{Description}' failed")]
    private partial void LogFailed(Exception exception, string description);
}
