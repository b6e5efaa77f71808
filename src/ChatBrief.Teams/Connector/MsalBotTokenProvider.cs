using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ChatBrief.Teams.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector.</summary>
internal interface IBotTokenProvider
{
    /// <exception cref="HttpRequestException">The identity platform could not be reached or refused the bot's credentials.</exception>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials tokens from MSAL for <see cref="TeamsOptions.EffectiveAuthority"/>; MSAL caches each token and
/// renews it shortly before it expires. Its requests go through the named <see cref="HttpClient"/>
/// <see cref="HttpClientName"/> (retries, and a stand-in's handler in tests).
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    public const string HttpClientName = "ChatBrief.Teams.Token";

    private readonly Lazy<IConfidentialClientApplication> _application;
    private readonly ILogger<MsalBotTokenProvider> _logger;

    public MsalBotTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, ILogger<MsalBotTokenProvider> logger)
    {
        _logger = logger;
        // Built on first use: in anonymous development there is no app id, and no token is ever asked for.
        _application = new Lazy<IConfidentialClientApplication>(() => Build(options.Value, new NamedMsalHttpClient(httpClients)));
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _application.Value.AcquireTokenForClient([Scope]).ExecuteAsync(cancellationToken);
            if (result.AuthenticationResultMetadata.TokenSource == TokenSource.IdentityProvider)
            {
                _logger.LogInformation("Acquired a Bot Connector token valid until {ExpiresOn:u}", result.ExpiresOn);
            }

            return result.AccessToken;
        }
        catch (MsalServiceException e)
        {
            // The error names the problem (wrong secret, wrong tenant) and never echoes the secret.
            throw new HttpRequestException(
                $"The identity platform refused the bot's credentials ({e.StatusCode} {e.ErrorCode}): {e.Message}", e, (HttpStatusCode)e.StatusCode);
        }
        catch (MsalClientException e)
        {
            throw new HttpRequestException($"No Bot Connector token could be requested ({e.ErrorCode}): {e.Message}", e);
        }
    }

    private static IConfidentialClientApplication Build(TeamsOptions settings, IMsalHttpClientFactory httpClients) =>
        ConfidentialClientApplicationBuilder.Create(settings.AppId)
            .WithClientSecret(settings.AppPassword)
            .WithAuthority(settings.EffectiveAuthority)
            // The configured authority is trusted as it is: no discovery call vouches for it (one would fail for a stand-in).
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(httpClients)
            .Build();

    private sealed class NamedMsalHttpClient(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }
}
