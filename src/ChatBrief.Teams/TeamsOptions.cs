using ChatBrief.Core.Configuration;

namespace ChatBrief.Teams;

/// <summary>The <c>Teams</c> settings (docs/CONTRACTS.md). Checked once at start by <see cref="TeamsDoorSettings"/>.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Used when <see cref="AllowedServiceHosts"/> is empty: the hosts Teams' Bot Connector serves from.</summary>
    public static readonly IReadOnlyList<string> MicrosoftServiceHosts = ["smba.trafficmanager.net", "*.botframework.com", "*.teams.microsoft.com"];

    /// <summary>The bot's Microsoft App ID (a GUID): the audience of inbound tokens and the client of outbound ones.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret. A secret: set it through the <c>Teams__AppPassword</c> environment variable or user secrets, never in a committed file.</summary>
    [Secret]
    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant of the single-tenant app registration.</summary>
    public string? TenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadataUrl;

    /// <summary>Where outbound tokens are requested (an https URL, as MSAL requires). Blank means the Microsoft identity platform for <see cref="TenantId"/>.</summary>
    public string? Authority { get; set; }

    /// <summary>Hosts a reply may be sent to; <c>*.example.com</c> matches sub-domains. Empty means <see cref="MicrosoftServiceHosts"/>.</summary>
    public List<string> AllowedServiceHosts { get; set; } = [];

    /// <summary>Used when <see cref="AllowedFileHosts"/> is empty: where Teams keeps the files sent to a bot (OneDrive and SharePoint).</summary>
    public static readonly IReadOnlyList<string> MicrosoftFileHosts = ["*.sharepoint.com"];

    /// <summary>Hosts a file sent to the bot may be downloaded from; <c>*.example.com</c> matches sub-domains. Empty means <see cref="MicrosoftFileHosts"/>.</summary>
    public List<string> AllowedFileHosts { get; set; } = [];

    public IReadOnlyList<string> EffectiveAllowedFileHosts => AllowedFileHosts.Count > 0 ? AllowedFileHosts : MicrosoftFileHosts;

    /// <summary>Entra object ids (<c>from.aadObjectId</c>) of the people who may run <c>reindex</c>.</summary>
    public List<string> ModeratorAadObjectIds { get; set; } = [];

    /// <summary>
    /// Local development without an app registration (Agents Playground): unauthenticated activities from loopback only,
    /// replies only to loopback service URLs. Refused in the Production environment.
    /// </summary>
    public bool AllowAnonymousDevelopment { get; set; }

    public string EffectiveAuthority => string.IsNullOrWhiteSpace(Authority)
        ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId ?? "")}"
        : Authority;

    public IReadOnlyList<string> EffectiveAllowedServiceHosts => AllowedServiceHosts.Count > 0 ? AllowedServiceHosts : MicrosoftServiceHosts;
}
