using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace ChatBrief.Teams.Auth;

/// <summary>Finds the Bot Framework's signing keys by <c>kid</c>.</summary>
internal interface ISigningKeySource
{
    /// <summary>The key, or null when no published key has that id.</summary>
    /// <exception cref="SigningKeysUnavailableException">The metadata or the JWKS could not be read, and no keys were read before.</exception>
    Task<EndorsedKey?> FindAsync(string keyId, CancellationToken cancellationToken);
}

/// <summary>The keys could not be read, so no token can be judged either way: the caller should be asked to retry.</summary>
internal sealed class SigningKeysUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The Bot Framework's signing keys through IdentityModel's <see cref="ConfigurationManager{T}"/>: read on first use,
/// re-read every 12 hours, and re-read when a token names an unknown <c>kid</c> (key rotation), at most once per
/// <see cref="UnknownKeyRefreshInterval"/> so that forged kids cannot hammer the endpoint. When a re-read fails, the
/// keys already known keep serving (the Bot Framework rotates them slowly).
/// </summary>
internal sealed class BotFrameworkSigningKeys : ISigningKeySource
{
    public const string HttpClientName = "ChatBrief.Teams.OpenId";

    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly ConfigurationManager<EndorsedOpenIdConfiguration> _configuration;

    public BotFrameworkSigningKeys(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, ILogger<BotFrameworkSigningKeys> logger)
    {
        var metadataUrl = options.Value.OpenIdMetadataUrl;
        var documents = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            RequireHttps = !SecureUrl.IsLoopback(new Uri(metadataUrl)),
        };
        _configuration = new ConfigurationManager<EndorsedOpenIdConfiguration>(metadataUrl, new EndorsementAwareConfigurationRetriever(logger), documents)
        {
            RefreshInterval = UnknownKeyRefreshInterval,
        };
    }

    public async Task<EndorsedKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        if ((await CurrentAsync(cancellationToken)).EndorsedKeys.GetValueOrDefault(keyId) is { } key)
        {
            return key;
        }

        // With Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking (set in Directory.Build.props) the read below waits
        // for this refresh; without it the refresh runs in the background and this token is refused meanwhile.
        _configuration.RequestRefresh();
        return (await CurrentAsync(cancellationToken)).EndorsedKeys.GetValueOrDefault(keyId);
    }

    private async Task<EndorsedOpenIdConfiguration> CurrentAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _configuration.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new SigningKeysUnavailableException($"The Bot Framework signing keys could not be read: {(e.InnerException ?? e).Message}", e);
        }
    }
}
