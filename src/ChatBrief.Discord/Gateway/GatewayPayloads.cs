using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBrief.Discord.Gateway;

internal enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}

/// <summary>A gateway frame: <c>{op, d, s, t}</c>; <c>s</c> and <c>t</c> are set on dispatches only.</summary>
internal sealed record GatewayPayload(GatewayOpcode Op, JsonElement D, long? S = null, string? T = null);

/// <summary>The frames ChatBrief sends.</summary>
internal static class GatewayCommands
{
    /// <summary>
    /// Server messages and DMs, without the privileged MESSAGE_CONTENT intent: Discord still sends the content of
    /// messages that mention the bot and of DMs, which is all a mention bot reads.
    /// </summary>
    public const int Intents = (1 << 9) | (1 << 12);

    public static byte[] Identify(string token) => Serialize(GatewayOpcode.Identify, new IdentifyData(
        token, Intents, new ConnectionProperties(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "chatbrief", "chatbrief")));

    public static byte[] Resume(string token, string sessionId, long? sequence) =>
        Serialize(GatewayOpcode.Resume, new ResumeData(token, sessionId, sequence));

    public static byte[] Heartbeat(long? sequence) => Serialize(GatewayOpcode.Heartbeat, sequence);

    private static byte[] Serialize<T>(GatewayOpcode op, T data) =>
        JsonSerializer.SerializeToUtf8Bytes(new OutgoingPayload<T>(op, data), Options);

    // Unlike everything else sent to Discord, a heartbeat's null "d" must be written out.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private sealed record OutgoingPayload<T>(GatewayOpcode Op, T D);

    private sealed record IdentifyData(string Token, int Intents, ConnectionProperties Properties);

    private sealed record ConnectionProperties(string Os, string Browser, string Device);

    private sealed record ResumeData(string Token, string SessionId, long? Seq);
}
