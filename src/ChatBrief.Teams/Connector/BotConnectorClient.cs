using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBrief.Teams.Auth;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Teams.Connector;

/// <summary>Sends activities to a conversation through the Bot Connector.</summary>
internal interface IBotConnector
{
    /// <summary>Posts <paramref name="activity"/> to the conversation, as a reply to <paramref name="replyToId"/> when given; returns the id the channel gave it, when it says.</summary>
    Task<string?> SendAsync(TrustedServiceUrl serviceUrl, string conversationId, string? replyToId, JsonObject activity, CancellationToken cancellationToken);
}

/// <summary>
/// The Bot Connector REST client. Retries with backoff on 429 and 5xx are done by the resilience handler of its named
/// <see cref="HttpClient"/>; the token is attached only for service URLs that came with a validated channel token.
/// </summary>
internal sealed class BotConnectorClient(IHttpClientFactory httpClients, IBotTokenProvider tokens, ILogger<BotConnectorClient> logger) : IBotConnector
{
    public const string HttpClientName = "ChatBrief.Teams.Connector";

    public async Task<string?> SendAsync(TrustedServiceUrl serviceUrl, string conversationId, string? replyToId, JsonObject activity, CancellationToken cancellationToken)
    {
        var uri = ConnectorRoutes.Activities(serviceUrl, conversationId, replyToId);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(activity, options: OutgoingActivityFactory.JsonOptions),
        };
        if (serviceUrl.MayCarryToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The Bot Connector refused a {activity["type"]} activity with {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        logger.LogDebug("Sent a {ActivityType} activity to {Host}", activity["type"], uri.Host);
        return await SentIdAsync(response, cancellationToken);
    }

    /// <summary>The ResourceResponse's id; a channel may answer with no body, and that is no failure.</summary>
    private static async Task<string?> SentIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            return body?["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
