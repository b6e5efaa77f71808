using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord;

/// <summary>
/// Runs work that outlives the HTTP request or gateway event that started it (a reindex, a slow answer, a reply to a
/// mention), so that the request can be acknowledged within Discord's deadline. Shutdown cancels the work and waits for it.
/// </summary>
internal sealed partial class BackgroundWork(ILogger<BackgroundWork> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, string> _running = new();

    /// <summary>Cancelled when the host stops; work started here must not depend on a request's token, which ends with the response.</summary>
    public CancellationToken StoppingToken => _stopping.Token;

    public void Run(string description, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
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

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(LogLevel.Information, "Discord background work '{Description}' was cancelled by shutdown")]
    private partial void LogCancelled(string description);

    [LoggerMessage(LogLevel.Error, "Discord background work '{Description}' failed")]
    private partial void LogFailed(Exception exception, string description);
}
