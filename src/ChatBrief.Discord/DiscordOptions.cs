using ChatBrief.Core.Configuration;

namespace ChatBrief.Discord;

/// <summary>The <c>Discord</c> settings (docs/CONTRACTS.md). Incomplete settings switch the Discord door off instead of failing the host.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The application's id (Developer Portal, General Information).</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key, hex (Developer Portal, General Information).</summary>
    public string? PublicKey { get; set; }

    /// <summary>The bot token. A secret: set it through the <c>Discord__BotToken</c> environment variable or user secrets, never in a committed file.</summary>
    [Secret]
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Roles whose members may run moderator commands even without the Manage Server permission (a list: comma-separated or numbered).</summary>
    public string[] ModeratorRoleIds { get; set; } = [];
}
