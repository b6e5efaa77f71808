using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatBrief.Teams.Auth;

/// <summary>A key the Bot Framework signs with, and the channels (e.g. <c>msteams</c>) it is endorsed for.</summary>
internal sealed record EndorsedKey(SecurityKey Key, IReadOnlySet<string> Endorsements);

/// <summary>Finds the Bot Framework's signing keys by <c>kid</c>.</summary>
internal interface ISigningKeySource
{
    /// <summary>The key, or null when no published key has that id.</summary>
    /// <exception cref="SigningKeysUnavailableException">The metadata or the JWKS could not be read.</exception>
    Task<EndorsedKey?> FindAsync(string keyId, CancellationToken cancellationToken);
}

/// <summary>The keys could not be read, so no token can be judged either way: the caller should be asked to retry.</summary>
internal sealed class SigningKeysUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Reads the signing keys from the JWKS that the OpenID metadata names. The JWKS is fetched here rather than taken from
/// <see cref="OpenIdConnectConfiguration.SigningKeys"/> because the standard retriever drops each key's <c>endorsements</c>,
/// and keys and endorsements must come from the same document. Keys are cached for a day and re-read when a token
/// names an unknown <c>kid</c> (key rotation), at most once a minute so that forged kids cannot hammer the endpoint.
/// (The metadata retriever reads the JWKS as well; that costs one extra request a day.)
/// </summary>
internal sealed class BotFrameworkSigningKeys : ISigningKeySource
{
    public const string HttpClientName = "ChatBrief.Teams.OpenId";

    private static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _clock;
    private readonly ILogger<BotFrameworkSigningKeys> _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private KeySnapshot? _snapshot;

    public BotFrameworkSigningKeys(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<BotFrameworkSigningKeys> logger)
    {
        _httpClients = httpClients;
        _clock = clock;
        _logger = logger;
        var metadataUrl = options.Value.OpenIdMetadataUrl;
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            RequireHttps = !SecureUrl.IsLoopback(new Uri(metadataUrl)),
        };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    public async Task<EndorsedKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && !IsStale(snapshot) && snapshot.Keys.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is null || IsStale(snapshot) || (!snapshot.Keys.ContainsKey(keyId) && MayRefreshForUnknownKey(snapshot)))
            {
                snapshot = await RefreshAsync(snapshot, cancellationToken);
                Volatile.Write(ref _snapshot, snapshot);
            }
        }
        finally
        {
            _refreshLock.Release();
        }

        return snapshot.Keys.GetValueOrDefault(keyId);
    }

    private bool IsStale(KeySnapshot snapshot) => _clock.GetUtcNow() - snapshot.FetchedAt > CacheLifetime;

    private bool MayRefreshForUnknownKey(KeySnapshot snapshot) => _clock.GetUtcNow() - snapshot.FetchedAt >= MinimumRefreshInterval;

    /// <summary>
    /// When the keys cannot be re-read, the keys already known keep serving (the Bot Framework rotates them slowly)
    /// and the next attempt waits for <see cref="MinimumRefreshInterval"/>; only a first failure is the caller's problem.
    /// </summary>
    private async Task<KeySnapshot> RefreshAsync(KeySnapshot? current, CancellationToken cancellationToken)
    {
        try
        {
            return await FetchAsync(cancellationToken);
        }
        catch (SigningKeysUnavailableException e) when (current is not null)
        {
            _logger.LogWarning("Keeping the {KeyCount} known signing keys: {Reason}", current.Keys.Count, e.Message);
            return current with { FetchedAt = _clock.GetUtcNow() - CacheLifetime + MinimumRefreshInterval };
        }
    }

    private async Task<KeySnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await FetchCoreAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException or ArgumentException or KeyNotFoundException
                                   || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SigningKeysUnavailableException($"The Bot Framework signing keys could not be read: {e.Message}", e);
        }
    }

    private async Task<KeySnapshot> FetchCoreAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is not null)
        {
            _metadata.RequestRefresh();
        }

        var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        if (!Uri.TryCreate(configuration.JwksUri, UriKind.Absolute, out var jwksUri) || !SecureUrl.IsAcceptable(jwksUri))
        {
            throw new InvalidOperationException($"The OpenID metadata names no usable jwks_uri: '{configuration.JwksUri}'.");
        }

        var json = await _httpClients.CreateClient(HttpClientName).GetStringAsync(jwksUri, cancellationToken);
        var keys = ReadKeys(json);
        _logger.LogInformation("Read {KeyCount} Bot Framework signing keys from {JwksUri}", keys.Count, jwksUri);
        return new KeySnapshot(keys, _clock.GetUtcNow());
    }

    /// <summary>Pairs each signing key with the <c>endorsements</c> array of its JWK; a key without one is endorsed for nothing.</summary>
    internal static Dictionary<string, EndorsedKey> ReadKeys(string jwksJson)
    {
        var endorsements = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(jwksJson))
        {
            foreach (var key in document.RootElement.GetProperty("keys").EnumerateArray())
            {
                if (key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String)
                {
                    endorsements[kid.GetString()!] = key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                        ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase)
                        : [];
                }
            }
        }

        return new JsonWebKeySet(jwksJson).GetSigningKeys()
            .Where(key => key.KeyId is not null && endorsements.ContainsKey(key.KeyId))
            .GroupBy(key => key.KeyId)
            .ToDictionary(group => group.Key, group => new EndorsedKey(group.First(), endorsements[group.Key]), StringComparer.Ordinal);
    }

    private sealed record KeySnapshot(IReadOnlyDictionary<string, EndorsedKey> Keys, DateTimeOffset FetchedAt);
}
