using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatBrief.Teams.Auth;

/// <summary>A key the Bot Framework signs with, and the channels (e.g. <c>msteams</c>) it is endorsed for.</summary>
internal sealed record EndorsedKey(SecurityKey Key, IReadOnlySet<string> Endorsements);

/// <summary>
/// The Bot Framework's OpenID metadata with the signing keys of its JWKS, each paired with the <c>endorsements</c> array
/// of its JWK. Keys and endorsements come from the same JWKS document, so a rotation cannot pair a key with stale endorsements.
/// </summary>
internal sealed class EndorsedOpenIdConfiguration(string metadataJson) : OpenIdConnectConfiguration(metadataJson)
{
    private const string EndorsementsMember = "endorsements";

    /// <summary>The signing keys by <c>kid</c>; a key without an endorsements array is endorsed for nothing.</summary>
    public IReadOnlyDictionary<string, EndorsedKey> EndorsedKeys { get; private set; } = new Dictionary<string, EndorsedKey>();

    /// <summary>Reads the JWKS the metadata's <c>jwks_uri</c> names; called once, before the configuration is shared.</summary>
    public void ReadKeys(string jwksJson)
    {
        JsonWebKeySet = new JsonWebKeySet(jwksJson);
        var endorsements = JsonWebKeySet.Keys
            .Where(key => key.Kid is not null)
            .GroupBy(key => key.Kid, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => EndorsementsOf(group.First()), StringComparer.Ordinal);
        var signingKeys = JsonWebKeySet.GetSigningKeys();
        foreach (var key in signingKeys)
        {
            SigningKeys.Add(key);
        }

        EndorsedKeys = signingKeys
            .Where(key => key.KeyId is not null && endorsements.ContainsKey(key.KeyId))
            .GroupBy(key => key.KeyId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new EndorsedKey(group.First(), endorsements[group.Key]), StringComparer.Ordinal);
    }

    /// <summary>The JWK reader keeps members it does not know, such as <c>endorsements</c>, as JSON.</summary>
    private static IReadOnlySet<string> EndorsementsOf(JsonWebKey key) =>
        key.AdditionalData.TryGetValue(EndorsementsMember, out var value) && value is JsonElement { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>();
}
