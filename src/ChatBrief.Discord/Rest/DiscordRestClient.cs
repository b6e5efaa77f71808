using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Options;

namespace ChatBrief.Discord.Rest;

/// <summary>Discord REST over a plain <see cref="HttpClient"/>; rate limits and retries live in its handler pipeline.</summary>
internal sealed class DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options) : IDiscordRestClient
{
    /// <summary>Discord requires this exact shape, and rejects requests with a missing or browser-like User-Agent.</summary>
    public static readonly string UserAgent = $"DiscordBot (https://github.com/chatbrief/chatbrief, {Version})";

    private static string Version => typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    private string ApplicationId => options.Value.ApplicationId ?? throw new InvalidOperationException("Discord:ApplicationId is missing.");

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "gateway/bot", content: null, asBot: true, cancellationToken);
        return await response.Content.ReadFromJsonAsync<GatewayBotInfo>(DiscordJson.Options, cancellationToken)
            ?? throw new DiscordRestException((int)response.StatusCode, null, "Discord answered GET /gateway/bot with an empty body.");
    }

    public async Task OverwriteCommandsAsync(IReadOnlyList<ApplicationCommandDefinition> commands, string? guildId, CancellationToken cancellationToken)
    {
        var path = guildId is null
            ? $"applications/{ApplicationId}/commands"
            : $"applications/{ApplicationId}/guilds/{Uri.EscapeDataString(guildId)}/commands";
        using var response = await SendAsync(HttpMethod.Put, path, commands, asBot: true, cancellationToken);
    }

    public async Task EditOriginalResponseAsync(string interactionToken, OutgoingMessage message, CancellationToken cancellationToken)
    {
        // Interaction webhooks authenticate by their token; flags cannot change on an edit, so they are left out.
        var edit = new MessageEdit(message.Content, message.Embeds, message.Components, message.AllowedMentions);
        using var response = await SendAsync(HttpMethod.Patch, $"webhooks/{ApplicationId}/{Uri.EscapeDataString(interactionToken)}/messages/@original", edit, asBot: false, cancellationToken);
    }

    public async Task CreateMessageAsync(string channelId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Uri.EscapeDataString(channelId)}/messages", message, asBot: true, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? content, bool asBot, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (asBot)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken ?? throw new InvalidOperationException("Discord:BotToken is missing."));
        }

        if (content is not null)
        {
            // Serialised up front so the request carries a Content-Length and every retry sends the same bytes.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(content, content.GetType(), DiscordJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new DiscordRestException(0, null, $"Discord could not be reached for {method} /{ShownPath(path)}: {exception.Message}");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await FailureAsync(method, path, response, cancellationToken);
        }
    }

    private static async Task<DiscordRestException> FailureAsync(HttpMethod method, string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        int? code = null;
        var message = response.ReasonPhrase ?? "";
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.TryGetProperty("code", out var codeElement) && codeElement.TryGetInt32(out var parsed))
            {
                code = parsed;
            }

            if (body.RootElement.TryGetProperty("message", out var messageElement) && messageElement.GetString() is { Length: > 0 } text)
            {
                message = text;
            }
        }
        catch (JsonException)
        {
            // Not every failure has a JSON body (proxies, Cloudflare); the status code is enough then.
        }

        return new DiscordRestException((int)response.StatusCode, code, $"Discord refused {method} /{ShownPath(path)}: {(int)response.StatusCode} {message}{(code is null ? "" : $" (code {code})")}");
    }

    // The interaction token is a credential of sorts, so the path is not repeated into messages and logs for webhooks.
    private static string ShownPath(string path) => path.StartsWith("webhooks/", StringComparison.Ordinal) ? "webhooks/{application}/{token}/..." : path;

    private sealed record MessageEdit(string Content, IReadOnlyList<Embed> Embeds, IReadOnlyList<ActionRow> Components, AllowedMentions AllowedMentions);
}
