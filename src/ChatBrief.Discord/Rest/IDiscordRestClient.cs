using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Rest;

/// <summary>The Discord REST calls ChatBrief makes. Rate limits and retries are the implementation's business, not the caller's.</summary>
/// <exception cref="DiscordRestException">Discord refused the request, or kept failing it.</exception>
internal interface IDiscordRestClient
{
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);

    /// <summary>Replaces every command of the application (globally, or in one server): running it twice changes nothing.</summary>
    Task OverwriteCommandsAsync(IReadOnlyList<ApplicationCommandDefinition> commands, string? guildId, CancellationToken cancellationToken);

    /// <summary>Edits the response of an interaction (a deferred one, or the message a button sits on). Needs no bot token.</summary>
    Task EditOriginalResponseAsync(string interactionToken, OutgoingMessage message, CancellationToken cancellationToken);

    Task CreateMessageAsync(string channelId, OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A failed Discord REST call; <see cref="StatusCode"/> is 0 when Discord could not be reached at all.</summary>
/// <param name="ErrorCode">Discord's JSON error code (e.g. 10062 unknown interaction), when the body had one.</param>
internal sealed class DiscordRestException(int statusCode, int? errorCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public int? ErrorCode { get; } = errorCode;
}
