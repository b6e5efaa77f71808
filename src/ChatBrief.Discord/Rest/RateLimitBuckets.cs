using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace ChatBrief.Discord.Rest;

/// <summary>
/// Discord's REST rate limits as the responses describe them, never hard-coded: each bucket (named by
/// <c>X-RateLimit-Bucket</c>, per top-level resource) remembers how many requests it has left and when it resets, and
/// a global 429 pauses every request except interaction webhooks, which the global limit does not cover.
/// Requests of one bucket go one at a time, so "remaining" is never overspent by concurrent callers.
/// </summary>
internal sealed class RateLimitBuckets(TimeProvider time)
{
    private static readonly TimeSpan UnknownReset = TimeSpan.FromSeconds(1);

    // Every interaction token is a bucket of its own, so idle buckets are dropped now and then to keep memory flat.
    private static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(15);
    private const int AcquisitionsBetweenPrunes = 256;

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new();
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();
    private long _globalResumeTicks;
    private int _acquisitions;

    /// <summary>Waits until the request's bucket (and the global limit) allow it, and holds the bucket until the lease is disposed.</summary>
    public async Task<Lease> AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = RouteOf(request);
        if (Interlocked.Increment(ref _acquisitions) % AcquisitionsBetweenPrunes == 0)
        {
            PruneIdleBuckets();
        }

        var bucket = _buckets.GetOrAdd(BucketKey(route), _ => new Bucket());
        await bucket.Gate.WaitAsync(cancellationToken);
        bucket.LastUsed = time.GetUtcNow();
        try
        {
            if (!route.IsInteractionWebhook)
            {
                await WaitUntilAsync(new DateTimeOffset(Interlocked.Read(ref _globalResumeTicks), TimeSpan.Zero), cancellationToken);
            }

            if (bucket.Remaining == 0)
            {
                await WaitUntilAsync(bucket.ResetAt, cancellationToken);
                bucket.Remaining = null;
            }

            return new Lease(this, route, bucket);
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    private void Record(Route route, Bucket bucket, HttpResponseMessage response, TooManyRequests? limited)
    {
        var now = time.GetUtcNow();
        if (limited is { IsGlobal: true })
        {
            var resume = (now + limited.RetryAfter).UtcTicks;
            Interlocked.Exchange(ref _globalResumeTicks, Math.Max(resume, Interlocked.Read(ref _globalResumeTicks)));
            return;
        }

        var remaining = HeaderNumber(response.Headers, "X-RateLimit-Remaining");
        var resetAfter = HeaderNumber(response.Headers, "X-RateLimit-Reset-After");
        if (limited is not null)
        {
            bucket.Remaining = 0;
            bucket.ResetAt = now + (limited.RetryAfter > TimeSpan.Zero ? limited.RetryAfter : resetAfter is { } after ? TimeSpan.FromSeconds(after) : UnknownReset);
        }
        else if (remaining is { } left && resetAfter is { } reset)
        {
            bucket.Remaining = (int)left;
            bucket.ResetAt = now + TimeSpan.FromSeconds(reset);
        }

        // Routes share a bucket only when Discord says so; from then on they queue together.
        if (response.Headers.TryGetValues("X-RateLimit-Bucket", out var names) && names.FirstOrDefault() is { Length: > 0 } name
            && _bucketOfRoute.TryAdd(route.Key, name))
        {
            var shared = _buckets.GetOrAdd(BucketKey(route), _ => new Bucket());
            if (!ReferenceEquals(shared, bucket))
            {
                shared.Remaining = bucket.Remaining;
                shared.ResetAt = bucket.ResetAt;
            }
        }
    }

    private void PruneIdleBuckets()
    {
        var idleSince = time.GetUtcNow() - IdleBucketLifetime;
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.LastUsed < idleSince && bucket.ResetAt < idleSince && bucket.Gate.CurrentCount == 1)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private string BucketKey(Route route) =>
        (_bucketOfRoute.TryGetValue(route.Key, out var name) ? name : route.Key) + "|" + route.MajorParameter;

    private async Task WaitUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var wait = until - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private static double? HeaderNumber(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>
    /// Discord keys limits by route and by the route's top-level resource (channel, guild, or webhook id and token):
    /// other ids in the path are not part of the key, so they are folded away.
    /// </summary>
    private static Route RouteOf(HttpRequestMessage request)
    {
        var segments = request.RequestUri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var shape = new List<string>(segments.Length);
        var major = "";
        var isWebhook = false;
        for (var i = 0; i < segments.Length; i++)
        {
            var previous = i > 0 ? segments[i - 1] : "";
            if (previous is "channels" or "guilds" or "webhooks" && major.Length == 0)
            {
                major = segments[i];
                isWebhook = previous == "webhooks";
                if (isWebhook && i + 1 < segments.Length)
                {
                    major += "/" + segments[++i];
                }

                shape.Add("{major}");
            }
            else
            {
                shape.Add(segments[i].All(char.IsAsciiDigit) ? "{id}" : segments[i]);
            }
        }

        return new Route(request.Method.Method + " " + string.Join('/', shape), major, isWebhook);
    }

    internal sealed record Route(string Key, string MajorParameter, bool IsInteractionWebhook);

    internal sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int? Remaining { get; set; }

        public DateTimeOffset ResetAt { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }

    /// <summary>Holds a bucket for one request; <see cref="Record"/> what the response said about it before disposing.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly RateLimitBuckets _owner;
        private readonly Route _route;
        private readonly Bucket _bucket;
        private int _released;

        internal Lease(RateLimitBuckets owner, Route route, Bucket bucket)
        {
            _owner = owner;
            _route = route;
            _bucket = bucket;
        }

        public string BucketKey => _owner.BucketKey(_route);

        public void Record(HttpResponseMessage response, TooManyRequests? limited) => _owner.Record(_route, _bucket, response, limited);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _bucket.Gate.Release();
            }
        }
    }
}

/// <summary>What a 429 said: how long to wait, and whether the whole bot is paused or only one bucket.</summary>
internal sealed record TooManyRequests(TimeSpan RetryAfter, bool IsGlobal, string? Scope);
