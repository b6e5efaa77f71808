using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// Checks that a request really comes from Discord: an Ed25519 signature, by the application's public key, over the
/// timestamp header followed by the raw body bytes, and a timestamp recent enough that the request is not a replay.
/// Discord probes endpoints with bad signatures and removes any endpoint that accepts one, so every doubt is a "no".
/// </summary>
internal sealed class InteractionSignatureVerifier
{
    private const int PublicKeyBytes = 32;
    private const int SignatureBytes = 64;

    private readonly PublicKey _publicKey;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;

    public InteractionSignatureVerifier(string publicKeyHex, TimeProvider time, TimeSpan maxAge)
    {
        if (!TryDecodeHex(publicKeyHex, PublicKeyBytes, out var keyBytes)
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, keyBytes, KeyBlobFormat.RawPublicKey, out var publicKey)
            || publicKey is null)
        {
            throw new ArgumentException("The public key is not 32 bytes of hex.", nameof(publicKeyHex));
        }

        _publicKey = publicKey;
        _time = time;
        _maxAge = maxAge;
    }

    public static bool IsValidPublicKeyHex(string hex) =>
        TryDecodeHex(hex, PublicKeyBytes, out var bytes) && PublicKey.TryImport(SignatureAlgorithm.Ed25519, bytes, KeyBlobFormat.RawPublicKey, out _);

    /// <summary>Whether the headers are well-formed enough to be worth reading the body for; cheap, and never throws.</summary>
    public static bool HeadersLookValid(string? signatureHex, string? timestamp) =>
        TryDecodeHex(signatureHex, SignatureBytes, out _) && TryParseTimestamp(timestamp, out _);

    /// <summary>True only for a correct signature over <paramref name="timestamp"/> + <paramref name="body"/> with a fresh timestamp. Never throws.</summary>
    public bool IsAuthentic(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (!TryDecodeHex(signatureHex, SignatureBytes, out var signature) || !TryParseTimestamp(timestamp, out var signedAt))
        {
            return false;
        }

        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp!) + body.Length];
        var timestampLength = Encoding.UTF8.GetBytes(timestamp!, signed);
        body.CopyTo(signed.AsSpan(timestampLength));
        if (!SignatureAlgorithm.Ed25519.Verify(_publicKey, signed, signature))
        {
            return false;
        }

        return (_time.GetUtcNow() - signedAt).Duration() <= _maxAge;
    }

    private static bool TryParseTimestamp(string? timestamp, out DateTimeOffset signedAt)
    {
        signedAt = default;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static bool TryDecodeHex(string? hex, int expectedBytes, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length != expectedBytes * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        bytes = Convert.FromHexString(hex);
        return true;
    }
}
