namespace ChatBrief.Core.Benchmarking;

/// <summary>The one definition of a latency percentile that every figure ChatBrief prints uses (bench, eval, the load generator).</summary>
public static class Percentile
{
    /// <summary>
    /// The value this share of <paramref name="sorted"/> stays within, by nearest rank (an observed value, never an
    /// interpolated one); 0 for no values.
    /// </summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double share) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}
