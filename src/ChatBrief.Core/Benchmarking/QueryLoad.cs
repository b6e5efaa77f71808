namespace ChatBrief.Core.Benchmarking;

/// <summary>What one run of <see cref="QueryLoad"/> measured.</summary>
/// <param name="Threads">Questions asked at a time.</param>
/// <param name="Answered">Questions answered within the run.</param>
/// <param name="Seconds">How long the run took.</param>
/// <param name="LatenciesMs">Each question's time, sorted.</param>
public sealed record QueryLoadResult(int Threads, int Answered, double Seconds, double[] LatenciesMs)
{
    public double QuestionsPerSecond => Seconds <= 0 ? 0 : Answered / Seconds;

    /// <summary>The time this share of questions stays within (nearest rank).</summary>
    public double Percentile(double share) => Benchmarking.Percentile.NearestRank(LatenciesMs, share);
}

/// <summary>
/// Asks questions for a set time from a set number of threads, each going through the question list in turn from its
/// own starting point, as a team's questions would arrive together. <c>bench</c> runs it on the system clock: it is a
/// benchmark, whose figures are read by people, never asserted by a test.
/// </summary>
public static class QueryLoad
{
    public static async Task<QueryLoadResult> RunAsync(
        IReadOnlyList<string> questions, Func<string, CancellationToken, Task> ask, int threads, TimeSpan duration, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
        {
            throw new ArgumentException("No questions to ask.", nameof(questions));
        }

        var latencies = new List<double>[threads];
        var start = clock.GetTimestamp();
        var workers = Enumerable.Range(0, threads).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            for (var next = worker * questions.Count / threads; clock.GetElapsedTime(start) < duration; next++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = clock.GetTimestamp();
                await ask(questions[next % questions.Count], cancellationToken);
                mine.Add(clock.GetElapsedTime(started).TotalMilliseconds);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new QueryLoadResult(threads, all.Length, clock.GetElapsedTime(start).TotalSeconds, all);
    }
}
