namespace ChatBrief.LoadGenerator.Setup;

/// <summary>
/// Where the generator's stand-ins for Discord and the Bot Framework listen, on 127.0.0.1: plain http on
/// <see cref="HttpPort"/>, and https on the next port for the one address that must be https, the token authority
/// (MSAL accepts no other).
/// </summary>
internal sealed record StandInAddresses(int HttpPort)
{
    public const int DefaultHttpPort = 5091;

    public int HttpsPort => HttpPort + 1;

    private string Http => $"http://127.0.0.1:{HttpPort}";

    public string OpenIdMetadataUrl => $"{Http}/botframework/openidconfiguration";

    public string JwksUrl => $"{Http}/botframework/keys";

    /// <summary>A tenant in the path, as <c>Teams:Authority</c> requires; MSAL posts to <c>{authority}/oauth2/v2.0/token</c>.</summary>
    public string Authority => $"https://127.0.0.1:{HttpsPort}/loadgen-tenant";

    /// <summary>The Teams service URL the activities name; the bot's replies come back here.</summary>
    public string TeamsServiceUrl => $"{Http}/teams/";

    public string DiscordApiBaseUrl => $"{Http}/discord/api/v10";
}
