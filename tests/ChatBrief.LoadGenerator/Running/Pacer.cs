namespace ChatBrief.LoadGenerator.Running;

/// <summary>
/// Open-loop pacing: request <c>n</c> is due <c>n / rate</c> seconds after the start, however long earlier ones took.
/// A generator that waited for answers before sending more would slow down with the server and hide its latency
/// (coordinated omission); this one keeps offering the set rate and lets the in-flight bound say when it cannot.
/// </summary>
internal sealed class Pacer(double requestsPerSecond, TimeProvider clock)
{
    private readonly long _start = clock.GetTimestamp();

    public TimeSpan Elapsed => clock.GetElapsedTime(_start);

    public TimeSpan DueAt(long sequence) => TimeSpan.FromSeconds(sequence / requestsPerSecond);

    /// <summary>Completes when request <paramref name="sequence"/> is due; at once if it is already late.</summary>
    public Task WaitForAsync(long sequence, CancellationToken cancellationToken)
    {
        var wait = DueAt(sequence) - Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, clock, cancellationToken) : Task.CompletedTask;
    }
}
