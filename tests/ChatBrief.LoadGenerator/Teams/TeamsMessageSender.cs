using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatBrief.LoadGenerator.Reporting;
using ChatBrief.LoadGenerator.Running;
using ChatBrief.LoadGenerator.Setup;
using ChatBrief.LoadGenerator.StandIns;

namespace ChatBrief.LoadGenerator.Teams;

/// <summary>
/// A channel message that @mentions the bot, as Teams posts it to <c>POST /api/messages</c> with a channel token. The
/// endpoint answers at once and answers in the background, so the answer time runs until the bot's reply to this
/// activity reaches the stand-in connector. Each message is its own thread, from its own person.
/// </summary>
internal sealed class TeamsMessageSender(HttpClient http, string channelToken, string serviceUrl, Deliveries deliveries, TimeProvider clock, TimeSpan answerTimeout) : IDoorSender
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public async Task<RequestOutcome> SendAsync(long sequence, string question, CancellationToken cancellationToken)
    {
        var activityId = $"loadgen-{_run}-{sequence}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(Activity(activityId, sequence, question).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channelToken);

        var key = StandInServer.TeamsKey(activityId);
        var replied = deliveries.Expect(key);
        var outcome = await HttpTiming.SendAsync(http, request, clock, async (response, started, responseMs) =>
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return new RequestOutcome(status, responseMs, null);
            }

            return await HttpTiming.WaitForDeliveryAsync(replied, started, clock, answerTimeout, cancellationToken) is { } answerMs
                ? new RequestOutcome(status, responseMs, answerMs)
                : new RequestOutcome(status, responseMs, null, "accepted, no reply");
        }, cancellationToken);
        deliveries.Forget(key);
        return outcome;
    }

    private JsonObject Activity(string activityId, long sequence, string question)
    {
        var bot = $"28:{ServeSettings.TeamsAppId}";
        var person = $"{_run}-{sequence}";
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = activityId,
            ["timestamp"] = clock.GetUtcNow().ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = $"29:{person}", ["name"] = "Load Generator", ["aadObjectId"] = person },
            ["recipient"] = new JsonObject { ["id"] = bot, ["name"] = "ChatBrief" },
            ["conversation"] = new JsonObject
            {
                ["id"] = $"19:loadgen-{_run}@thread.tacv2;messageid={sequence}",
                ["conversationType"] = "channel",
                ["tenantId"] = "loadgen-tenant",
                ["isGroup"] = true,
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "loadgen-tenant" } },
            ["locale"] = "en-US",
            ["text"] = $"<at>ChatBrief</at> {question}",
            ["textFormat"] = "plain",
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = bot, ["name"] = "ChatBrief" },
                ["text"] = "<at>ChatBrief</at>",
            }),
        };
    }
}
