using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// Publishes commits that another process wrote (an `index` run beside `serve`), off the questions' path: a question only
/// ever borrows the searcher that is already published.
/// </summary>
internal sealed class IndexRefreshService(IndexManager index, TimeProvider clock, ILogger<IndexRefreshService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    index.RefreshIfChanged();
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // The commit being served stays; the next tick tries again.
                    logger.LogWarning("The index could not be refreshed: {Error}", e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
