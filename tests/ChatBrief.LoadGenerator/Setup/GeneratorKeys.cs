using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NSec.Cryptography;

namespace ChatBrief.LoadGenerator.Setup;

/// <summary>
/// The test credentials both sides must share: the Ed25519 key whose public half is <c>Discord:PublicKey</c>, the RSA
/// key that signs Teams channel tokens (published by the stand-in's JWKS), and the stand-in's TLS certificate, which
/// <c>serve</c> trusts through <c>SSL_CERT_FILE</c>. Kept in a folder and reused, so that <c>serve</c> is configured once
/// for any number of runs (it caches signing keys, and asks again for an unknown one at most once a minute).
/// None of them is a secret: they authenticate nothing beyond this machine's loopback.
/// </summary>
internal sealed class GeneratorKeys : IDisposable
{
    private const string DiscordKeyFile = "discord-ed25519.key";
    private const string TeamsKeyFile = "teams-signing.pem";
    private const string TlsPfxFile = "standin-tls.pfx";
    public const string TlsCertificateFile = "standin-tls.crt";

    private GeneratorKeys(string folder, Key discord, RSA teams, X509Certificate2 tls)
    {
        Folder = folder;
        DiscordKey = discord;
        TeamsKey = teams;
        TlsCertificate = tls;
    }

    public string Folder { get; }

    public Key DiscordKey { get; }

    public RSA TeamsKey { get; }

    public X509Certificate2 TlsCertificate { get; }

    public string DiscordPublicKeyHex => Convert.ToHexStringLower(DiscordKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Names the Teams key in tokens and in the JWKS; derived from the key, so a new key is a new id that <c>serve</c> fetches.</summary>
    public string TeamsKeyId => "loadgen-" + Convert.ToHexStringLower(SHA256.HashData(TeamsKey.ExportRSAPublicKey()))[..16];

    public string TlsCertificatePath => Path.Combine(Folder, TlsCertificateFile);

    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "chatbrief-loadgen");

    public static GeneratorKeys LoadOrCreate(string folder)
    {
        Directory.CreateDirectory(folder);
        return new GeneratorKeys(folder, LoadOrCreateDiscordKey(folder), LoadOrCreateTeamsKey(folder), LoadOrCreateTlsCertificate(folder));
    }

    public void Dispose()
    {
        DiscordKey.Dispose();
        TeamsKey.Dispose();
        TlsCertificate.Dispose();
    }

    private static Key LoadOrCreateDiscordKey(string folder)
    {
        var path = Path.Combine(folder, DiscordKeyFile);
        var exportable = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        if (File.Exists(path))
        {
            return Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(File.ReadAllText(path).Trim()), KeyBlobFormat.RawPrivateKey, exportable);
        }

        var key = Key.Create(SignatureAlgorithm.Ed25519, exportable);
        File.WriteAllText(path, Convert.ToHexStringLower(key.Export(KeyBlobFormat.RawPrivateKey)));
        return key;
    }

    private static RSA LoadOrCreateTeamsKey(string folder)
    {
        var path = Path.Combine(folder, TeamsKeyFile);
        var key = RSA.Create(2048);
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            File.WriteAllText(path, key.ExportRSAPrivateKeyPem());
        }

        return key;
    }

    private static X509Certificate2 LoadOrCreateTlsCertificate(string folder)
    {
        var pfx = Path.Combine(folder, TlsPfxFile);
        if (!File.Exists(pfx))
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=chatbrief-loadgen stand-in", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx));
            File.WriteAllText(Path.Combine(folder, TlsCertificateFile), certificate.ExportCertificatePem());
        }

        return X509CertificateLoader.LoadPkcs12FromFile(pfx, password: null);
    }
}
