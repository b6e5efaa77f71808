using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Answers;

/// <summary>
/// How often one person may ask, shared by every door: a token bucket per person holding
/// <see cref="LimitsOptions.QuestionsPerMinute"/> questions, refilled one at a time so that a person who asked too much
/// waits seconds, not a minute. The buckets live in memory (a restart forgets them) and are dropped once idle.
/// </summary>
public sealed class QuestionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public QuestionRateLimiter(IOptions<LimitsOptions> options)
    {
        var perMinute = options.Value.QuestionsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(person => RateLimitPartition.GetTokenBucketLimiter(person, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            // The partitioned limiter refills its buckets from one timer instead of one timer per person.
            AutoReplenishment = false,
        }));
    }

    /// <summary>Counts a question by <paramref name="personId"/> on <paramref name="door"/>; says when to try again if it is one too many.</summary>
    /// <returns>Null when the question may be answered, else how long the person should wait.</returns>
    public TimeSpan? TryAdmit(string door, string personId)
    {
        using var lease = _limiter.AttemptAcquire($"{door}:{personId}");
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
