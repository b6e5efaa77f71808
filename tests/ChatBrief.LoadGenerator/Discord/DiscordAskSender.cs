using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatBrief.LoadGenerator.Reporting;
using ChatBrief.LoadGenerator.Running;
using ChatBrief.LoadGenerator.Setup;
using ChatBrief.LoadGenerator.StandIns;
using NSec.Cryptography;

namespace ChatBrief.LoadGenerator.Discord;

/// <summary>
/// <c>/ask</c> as Discord sends it to <c>POST /discord/interactions</c>: a guild slash command signed with Ed25519 over
/// the timestamp and the exact body. Each request comes from another member, so that the per-person question limit
/// measures nothing here. An inline answer is the response (type 4); a deferred one (type 5) is timed until the
/// stand-in receives the edit of the original response.
/// </summary>
internal sealed class DiscordAskSender(HttpClient http, Key signingKey, Deliveries deliveries, TimeProvider clock, TimeSpan answerTimeout) : IDoorSender
{
    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int EphemeralFlag = 64;

    // Ids unique to this run, so that runs a minute apart never share a person's question budget or a token.
    private readonly long _firstUserId = 100_000_000_000_000_000 + (clock.GetUtcNow().ToUnixTimeSeconds() % 1_000_000 * 1_000_000);

    public async Task<RequestOutcome> SendAsync(long sequence, string question, CancellationToken cancellationToken)
    {
        var token = $"loadgen-{_firstUserId}-{sequence}";
        var body = JsonSerializer.SerializeToUtf8Bytes(Interaction(sequence, token, question));
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);

        var key = StandInServer.DiscordKey(token);
        var edited = deliveries.Expect(key);
        var outcome = await HttpTiming.SendAsync(http, request, clock, async (response, started, responseMs) =>
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return new RequestOutcome(status, responseMs, null);
            }

            var (type, flags) = await ResponseKindAsync(response, cancellationToken);
            return type switch
            {
                ChannelMessage when (flags & EphemeralFlag) != 0 => new RequestOutcome(status, responseMs, null, "private reply (slow down or failure)"),
                ChannelMessage => new RequestOutcome(status, responseMs, responseMs),
                DeferredChannelMessage => await HttpTiming.WaitForDeliveryAsync(edited, started, clock, answerTimeout, cancellationToken) is { } answerMs
                    ? new RequestOutcome(status, responseMs, answerMs) { Deferred = true }
                    : new RequestOutcome(status, responseMs, null, "deferred, never edited") { Deferred = true },
                _ => new RequestOutcome(status, responseMs, null, $"response type {type}"),
            };
        }, cancellationToken);
        deliveries.Forget(key);
        return outcome;
    }

    private object Interaction(long sequence, string token, string question) => new
    {
        id = (sequence + 1).ToString(CultureInfo.InvariantCulture),
        application_id = ServeSettings.DiscordApplicationId,
        type = 2,
        token,
        version = 1,
        guild_id = "900",
        channel_id = "700",
        member = new
        {
            user = new { id = (_firstUserId + sequence).ToString(CultureInfo.InvariantCulture), username = "loadgen" },
            roles = Array.Empty<string>(),
            permissions = "0",
        },
        data = new { id = "77", name = "ask", type = 1, options = new[] { new { name = "question", type = 3, value = question } } },
    };

    private string Sign(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(signingKey, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    private static async Task<(int Type, int Flags)> ResponseKindAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = json.RootElement;
        var type = root.TryGetProperty("type", out var t) && t.TryGetInt32(out var value) ? value : 0;
        var flags = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("flags", out var f) && f.TryGetInt32(out var bits) ? bits : 0;
        return (type, flags);
    }
}
