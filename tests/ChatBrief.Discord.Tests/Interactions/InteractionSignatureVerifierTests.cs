using System.Text;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Tests.Support;
using NSec.Cryptography;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.Discord.Tests.Interactions;

public class InteractionSignatureVerifierTests : IDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":1}""");

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly FakeTimeProvider _clock = new(Samples.Now);
    private readonly InteractionSignatureVerifier _verifier;

    public InteractionSignatureVerifierTests() =>
        _verifier = new InteractionSignatureVerifier(Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), _clock, TimeSpan.FromMinutes(5));

    [Fact]
    public void IsAuthentic_CorrectSignatureAndFreshTimestamp_IsTrue()
    {
        var timestamp = Samples.Now.ToUnixTimeSeconds().ToString();

        Assert.True(_verifier.IsAuthentic(Sign(timestamp, Body), timestamp, Body));
    }

    [Fact]
    public void IsAuthentic_TamperedBody_IsFalse()
    {
        var timestamp = Samples.Now.ToUnixTimeSeconds().ToString();

        Assert.False(_verifier.IsAuthentic(Sign(timestamp, Body), timestamp, Encoding.UTF8.GetBytes("""{"type":2}""")));
    }

    [Fact]
    public void IsAuthentic_SignatureOverAnotherTimestamp_IsFalse()
    {
        var timestamp = Samples.Now.ToUnixTimeSeconds().ToString();

        Assert.False(_verifier.IsAuthentic(Sign(timestamp, Body), (Samples.Now.ToUnixTimeSeconds() + 1).ToString(), Body));
    }

    [Fact]
    public void IsAuthentic_CorrectlySignedButOld_IsFalse()
    {
        var timestamp = Samples.Now.AddMinutes(-6).ToUnixTimeSeconds().ToString();

        Assert.False(_verifier.IsAuthentic(Sign(timestamp, Body), timestamp, Body));
    }

    [Theory]
    [InlineData(null, "1")]
    [InlineData("zz", "1")]
    [InlineData("abcd", "1")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "not-a-time")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "99999999999999999999")]
    public void IsAuthentic_MalformedHeaders_IsFalseWithoutThrowing(string? signature, string timestamp) =>
        Assert.False(_verifier.IsAuthentic(signature, timestamp, Body));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("g000000000000000000000000000000000000000000000000000000000000000")]
    public void IsValidPublicKeyHex_Malformed_IsFalse(string hex) =>
        Assert.False(InteractionSignatureVerifier.IsValidPublicKeyHex(hex));

    public void Dispose() => _key.Dispose();

    private string Sign(string timestamp, byte[] body) =>
        Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body])).ToLowerInvariant();
}
