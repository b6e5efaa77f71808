using System.Net;
using ChatBrief.Discord.Rest;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBrief.Discord.Tests.Rest;

public class RateLimitHandlerTests
{
    private readonly InstantClock _clock = new(Samples.Now);
    private readonly Queue<HttpResponseMessage> _responses = new();

    [Fact]
    public async Task SendAsync_BucketExhausted_WaitsForItsResetBeforeTheNextRequest()
    {
        _responses.Enqueue(Limited(remaining: 0, resetAfter: "2.5"));
        _responses.Enqueue(Limited(remaining: 4, resetAfter: "2.5"));
        using var client = Client();

        await client.SendAsync(Post("channels/1/messages"), CancellationToken.None);
        await client.SendAsync(Post("channels/1/messages"), CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(2.5)], _clock.Waits);
    }

    [Fact]
    public async Task SendAsync_AnotherChannelOfAnExhaustedRoute_IsNotHeldBack()
    {
        _responses.Enqueue(Limited(remaining: 0, resetAfter: "30"));
        _responses.Enqueue(Limited(remaining: 4, resetAfter: "30"));
        using var client = Client();

        await client.SendAsync(Post("channels/1/messages"), CancellationToken.None);
        await client.SendAsync(Post("channels/2/messages"), CancellationToken.None);

        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task SendAsync_GlobalTooManyRequests_PausesEveryRouteButInteractionWebhooks()
    {
        var globalLimit = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"message":"slow down","retry_after":1.5,"global":true}""") };
        _responses.Enqueue(globalLimit);
        _responses.Enqueue(new HttpResponseMessage(HttpStatusCode.OK));
        _responses.Enqueue(new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client();

        await client.SendAsync(Post("channels/1/messages"), CancellationToken.None);
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "https://discord.test/api/v10/webhooks/42/token/messages/@original"), CancellationToken.None);
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://discord.test/api/v10/gateway/bot"), CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(1.5)], _clock.Waits);
    }

    [Fact]
    public async Task SendAsync_TooManyRequestsWithoutAJsonBody_UsesTheRetryAfterHeader()
    {
        var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("<html>Cloudflare</html>") };
        limited.Headers.Add("Retry-After", "3");
        _responses.Enqueue(limited);
        _responses.Enqueue(new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client();

        await client.SendAsync(Post("channels/1/messages"), CancellationToken.None);
        await client.SendAsync(Post("channels/1/messages"), CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(3)], _clock.Waits);
    }

    private static HttpRequestMessage Post(string path) => new(HttpMethod.Post, "https://discord.test/api/v10/" + path);

    private static HttpResponseMessage Limited(int remaining, string resetAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Bucket", "messages");
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString());
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter);
        return response;
    }

    private HttpMessageInvoker Client() =>
        new(new RateLimitHandler(new RateLimitBuckets(_clock), NullLogger<RateLimitHandler>.Instance) { InnerHandler = new Stub(_responses) });

    private sealed class Stub(Queue<HttpResponseMessage> responses) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(responses.Dequeue());
    }
}
