namespace ChatBrief.LoadGenerator.Setup;

/// <summary>
/// The environment that points a <c>serve</c> on this machine at the generator: its test keys, its stand-ins for
/// Discord's REST API and the Bot Framework, and its TLS certificate as the only trusted root (serve then reaches no
/// https host but the stand-in, which is what a measurement wants).
/// </summary>
internal static class ServeSettings
{
    /// <summary>Any numeric id: Discord's interactions carry it and the deferred edits are addressed with it.</summary>
    public const string DiscordApplicationId = "4242";

    /// <summary>The audience of the channel tokens the generator issues.</summary>
    public const string TeamsAppId = "00000000-0000-4000-8000-00000000c0de";

    public static IReadOnlyList<KeyValuePair<string, string>> For(GeneratorKeys keys, StandInAddresses addresses) =>
    [
        new("Discord__ApplicationId", DiscordApplicationId),
        new("Discord__PublicKey", keys.DiscordPublicKeyHex),
        new("Discord__ApiBaseUrl", addresses.DiscordApiBaseUrl),
        new("Teams__AppId", TeamsAppId),
        new("Teams__AppPassword", "loadgen-not-a-secret"),
        new("Teams__TenantId", "loadgen-tenant"),
        new("Teams__Authority", addresses.Authority),
        new("Teams__OpenIdMetadataUrl", addresses.OpenIdMetadataUrl),
        new("Teams__AllowedServiceHosts", "127.0.0.1"),
        new("SSL_CERT_FILE", keys.TlsCertificatePath),
    ];
}
