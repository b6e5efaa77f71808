using System.Globalization;

namespace ChatBrief.Discord;

/// <summary>
/// Decides which parts of the Discord door the settings allow to start. Each check names the first missing or malformed
/// setting, so the one log line that switches a part off tells the operator exactly what to fill in.
/// </summary>
public static class DiscordSettings
{
    /// <summary>The problem that keeps the interactions endpoint from starting, or null when it can start.</summary>
    public static string? ProblemForInteractions(DiscordOptions options) =>
        ApplicationIdProblem(options) ?? PublicKeyProblem(options) ?? ApiBaseUrlProblem(options);

    /// <summary>The problem that keeps <c>discord register</c> from running, or null.</summary>
    public static string? ProblemForRegistration(DiscordOptions options) =>
        ApplicationIdProblem(options) ?? BotTokenProblem(options) ?? ApiBaseUrlProblem(options);

    /// <summary>
    /// The problem that keeps the gateway from starting, or null. The gateway's replies carry buttons, which Discord
    /// delivers to the interactions endpoint, so the gateway needs the endpoint's settings too.
    /// </summary>
    public static string? ProblemForGateway(DiscordOptions options) =>
        ProblemForInteractions(options) ?? BotTokenProblem(options);

    private static string? ApplicationIdProblem(DiscordOptions options) =>
        string.IsNullOrWhiteSpace(options.ApplicationId) ? "Discord:ApplicationId is missing"
        : !IsSnowflake(options.ApplicationId) ? "Discord:ApplicationId is not a numeric Discord id"
        : null;

    private static string? PublicKeyProblem(DiscordOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicKey) ? "Discord:PublicKey is missing"
        : !Interactions.InteractionSignatureVerifier.IsValidPublicKeyHex(options.PublicKey) ? "Discord:PublicKey is not 64 hexadecimal characters"
        : null;

    private static string? BotTokenProblem(DiscordOptions options) =>
        string.IsNullOrWhiteSpace(options.BotToken) ? "Discord:BotToken is missing (set the Discord__BotToken environment variable)" : null;

    private static string? ApiBaseUrlProblem(DiscordOptions options) =>
        Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : "Discord:ApiBaseUrl is not an absolute http(s) URL";

    internal static bool IsSnowflake(string? value) =>
        !string.IsNullOrEmpty(value) && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
