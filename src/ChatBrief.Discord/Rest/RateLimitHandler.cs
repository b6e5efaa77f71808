using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Rest;

/// <summary>
/// Sends each request only when its rate-limit bucket allows, and records what every response says about the bucket.
/// It sits inside the retry pipeline, so a retried 429 waits here for exactly the time Discord asked for.
/// </summary>
internal sealed partial class RateLimitHandler(RateLimitBuckets buckets, ILogger<RateLimitHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await buckets.AcquireAsync(request, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var limited = response.StatusCode == HttpStatusCode.TooManyRequests ? await ReadTooManyRequestsAsync(response, cancellationToken) : null;
        lease.Record(response, limited);
        if (limited is not null)
        {
            LogRateLimited(request.Method.Method, lease.BucketKey, limited.RetryAfter.TotalSeconds, limited.IsGlobal, limited.Scope);
        }

        return response;
    }

    /// <summary>The body's float <c>retry_after</c> is more precise than the whole-second <c>Retry-After</c> header, so it wins.</summary>
    private static async Task<TooManyRequests> ReadTooManyRequestsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        double? retryAfter = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var globalHeader) && globalHeader.FirstOrDefault() == "true";
        var scope = response.Headers.TryGetValues("X-RateLimit-Scope", out var scopeHeader) ? scopeHeader.FirstOrDefault() : null;
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.TryGetProperty("retry_after", out var after) && after.TryGetDouble(out var seconds))
            {
                retryAfter = seconds;
            }

            if (body.RootElement.TryGetProperty("global", out var isGlobal) && isGlobal.ValueKind == JsonValueKind.True)
            {
                global = true;
            }
        }
        catch (JsonException)
        {
            // Cloudflare answers some 429s with HTML; the headers still say how long to wait.
        }

        if (retryAfter is null && response.Headers.TryGetValues("Retry-After", out var header)
            && double.TryParse(header.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var headerSeconds))
        {
            retryAfter = headerSeconds;
        }

        return new TooManyRequests(TimeSpan.FromSeconds(Math.Max(0, retryAfter ?? 0)), global, scope);
    }

    [LoggerMessage(LogLevel.Warning, "Discord rate limit hit on {Method} {Bucket}: retry after {RetryAfterSeconds} s (global: {IsGlobal}, scope: {Scope})")]
    private partial void LogRateLimited(string method, string bucket, double retryAfterSeconds, bool isGlobal, string? scope);
}
