namespace ChatBrief.Discord.Gateway;

/// <summary>
/// Keeps a gateway connection alive: the first beat after a random fraction of the interval (so that many clients
/// reconnecting at once do not beat in step), then one per interval. A beat sent while the previous one is still
/// unacknowledged means the connection is a zombie; <see cref="Zombied"/> then completes so the connection is replaced.
/// </summary>
internal sealed class Heartbeat : IDisposable
{
    private readonly Func<CancellationToken, Task> _beat;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _zombied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _acknowledged = 1;

    public Heartbeat(Func<CancellationToken, Task> beat, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        _beat = beat;
        _interval = interval;
        _time = time;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Running = RunAsync(_stop.Token);
    }

    public Task Zombied => _zombied.Task;

    /// <summary>Completes when the heartbeat stops; faults if a beat could not be sent.</summary>
    public Task Running { get; }

    public void Acknowledge() => Volatile.Write(ref _acknowledged, 1);

    /// <summary>The server asked for a beat (op 1): answer at once, outside the schedule.</summary>
    public Task BeatNowAsync(CancellationToken cancellationToken) => _beat(cancellationToken);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await Task.Delay(_interval * Random.Shared.NextDouble(), _time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (Interlocked.Exchange(ref _acknowledged, 0) == 0)
                {
                    _zombied.TrySetResult();
                    return;
                }

                await _beat(cancellationToken);
                await Task.Delay(_interval, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection is over; so is its heartbeat.
        }
    }
}
