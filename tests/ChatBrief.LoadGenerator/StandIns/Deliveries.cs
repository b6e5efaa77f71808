using System.Collections.Concurrent;

namespace ChatBrief.LoadGenerator.StandIns;

/// <summary>
/// Answers that reach the stand-ins rather than the response: Teams replies (keyed by the activity they reply to) and
/// edits of deferred Discord responses (keyed by the interaction token). A sender says what it expects before it sends,
/// so that a delivery faster than the response is never missed.
/// </summary>
internal sealed class Deliveries(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _expected = new(StringComparer.Ordinal);
    private int _unexpected;

    /// <summary>Deliveries nobody waited for (a second reply, or one after its sender gave up).</summary>
    public int Unexpected => Volatile.Read(ref _unexpected);

    /// <summary>Completes with the timestamp (of the run's clock) at which <paramref name="key"/> was delivered.</summary>
    public Task<long> Expect(string key) =>
        _expected.GetOrAdd(key, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string key) => _expected.TryRemove(key, out _);

    public void Deliver(string key)
    {
        if (_expected.TryRemove(key, out var waiting))
        {
            waiting.TrySetResult(clock.GetTimestamp());
        }
        else
        {
            Interlocked.Increment(ref _unexpected);
        }
    }
}
