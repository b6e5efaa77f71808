using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Teams.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector.</summary>
internal interface IBotTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials tokens from <see cref="TeamsOptions.TokenEndpoint"/>, cached until shortly before they expire.
/// A plain form post rather than MSAL, because MSAL's authority validation refuses the local stand-ins used in tests.
/// </summary>
internal sealed class ClientCredentialsTokenProvider(
    IHttpClientFactory httpClients,
    IOptions<TeamsOptions> options,
    TimeProvider clock,
    ILogger<ClientCredentialsTokenProvider> logger) : IBotTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    public const string HttpClientName = "ChatBrief.Teams.Token";

    /// <summary>Renew this long before expiry, so that a token never expires between being read and being checked.</summary>
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && clock.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } fresh && clock.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Token;
            }

            var response = await RequestAsync(cancellationToken);
            var lifetime = TimeSpan.FromSeconds(Math.Max(0, response.ExpiresIn));
            var renewAt = clock.GetUtcNow() + (lifetime > 2 * RenewalMargin ? lifetime - RenewalMargin : lifetime / 2);
            _cached = (response.AccessToken!, renewAt);
            logger.LogInformation("Acquired a Bot Connector token valid for {Lifetime}", lifetime);
            return response.AccessToken!;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<TokenResponse> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId!,
            ["client_secret"] = settings.AppPassword!,
            ["scope"] = Scope,
        });
        using var response = await httpClients.CreateClient(HttpClientName).PostAsync(settings.EffectiveTokenEndpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The body of a refusal names the problem (wrong secret, wrong tenant) and never echoes the secret.
            var reason = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The token endpoint refused the bot's credentials ({(int)response.StatusCode}): {reason}", null, response.StatusCode);
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return token is { AccessToken.Length: > 0 }
            ? token
            : throw new HttpRequestException("The token endpoint answered without an access_token.");
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
