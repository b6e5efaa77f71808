namespace ChatBrief.Discord.Gateway;

/// <summary>What to do after the gateway closed with a given code.</summary>
internal enum AfterClose
{
    /// <summary>Reconnect and RESUME the session.</summary>
    Resume,

    /// <summary>The session is gone: reconnect with a fresh IDENTIFY.</summary>
    Reidentify,

    /// <summary>Reconnecting cannot help and would only spend the identify budget: stop.</summary>
    Stop,
}

internal static class GatewayCloseCodes
{
    /// <summary>The code ChatBrief closes with when it means to resume: 1000 and 1001 would end the session.</summary>
    public const int Reconnecting = 4900;

    public static AfterClose Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => AfterClose.Stop,
        4007 or 4009 => AfterClose.Reidentify,
        _ => AfterClose.Resume,
    };

    /// <summary>What a fatal code means, phrased as what the operator should fix.</summary>
    public static string Explain(int? code) => code switch
    {
        4004 => "authentication failed: Discord:BotToken is wrong or was reset",
        4010 => "invalid shard",
        4011 => "sharding required: the bot is in too many servers for one connection",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable them for the bot in the Developer Portal, or request fewer",
        4007 => "invalid sequence on resume",
        4009 => "session timed out",
        null => "connection dropped without a close code",
        _ => "closed by Discord",
    };
}
