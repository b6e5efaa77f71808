using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Answers;

/// <summary>
/// How often one person may ask, shared by every door: a token bucket per person holding
/// <see cref="LimitsOptions.QuestionsPerMinute"/> questions, refilled continuously (one question every 60/N seconds), so
/// that a person who asked too much waits seconds, not a minute. Time comes from <see cref="TimeProvider"/> (the
/// limiters of System.Threading.RateLimiting read the Stopwatch, which a test cannot move). The buckets live in memory
/// (a restart forgets them); one left alone long enough to be full again is dropped, as a new one starts full.
/// </summary>
public sealed class QuestionRateLimiter(IOptions<LimitsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly int _capacity = options.Value.QuestionsPerMinute;
    private readonly TimeSpan _refillEvery = Minute / options.Value.QuestionsPerMinute;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweep = clock.GetTimestamp();

    /// <summary>Counts a question by <paramref name="personId"/> on <paramref name="door"/>; says when to try again if it is one too many.</summary>
    /// <returns>Null when the question may be answered, else how long the person should wait.</returns>
    public TimeSpan? TryAdmit(string door, string personId)
    {
        var now = clock.GetTimestamp();
        SweepIdle(now);
        var bucket = _buckets.GetOrAdd($"{door}:{personId}", _ => new Bucket(_capacity, now));
        lock (bucket)
        {
            bucket.Tokens = Math.Min(_capacity, bucket.Tokens + (clock.GetElapsedTime(bucket.LastSeen, now) / _refillEvery));
            bucket.LastSeen = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return null;
            }

            return (1 - bucket.Tokens) * _refillEvery;
        }
    }

    /// <summary>Once a minute drops the buckets nobody used for a minute: they are full again.</summary>
    private void SweepIdle(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (clock.GetElapsedTime(last, now) < Minute || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (clock.GetElapsedTime(Volatile.Read(ref bucket.LastSeen), now) >= Minute)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, long lastSeen)
    {
        public double Tokens = tokens;
        public long LastSeen = lastSeen;
    }
}
