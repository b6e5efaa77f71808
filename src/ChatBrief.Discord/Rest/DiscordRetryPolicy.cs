using System.Net;
using Polly;

namespace ChatBrief.Discord.Rest;

/// <summary>
/// Which failed Discord requests are worth another try. A 429 always is: Discord did not process it. A 5xx or a
/// network failure only is when repeating the request cannot duplicate its effect. Auth and not-found errors never
/// are: repeating them only counts towards Discord's invalid-request limit, which ends in a temporary IP ban.
/// </summary>
internal static class DiscordRetryPolicy
{
    public const int MaxRetries = 3;

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        { Result.StatusCode: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => IsIdempotent(method),
        { Exception: HttpRequestException } => IsIdempotent(method),
        _ => false,
    };

    /// <summary>
    /// A 429 is retried at once because <see cref="RateLimitHandler"/> holds the retry until the bucket resets; other
    /// failures back off exponentially (null lets the retry strategy's own backoff decide).
    /// </summary>
    public static TimeSpan? DelayFor(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests ? TimeSpan.Zero : null;

    private static bool IsIdempotent(HttpMethod? method) =>
        method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete;
}
