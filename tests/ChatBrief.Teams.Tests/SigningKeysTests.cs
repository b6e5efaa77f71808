using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatBrief.Teams.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace ChatBrief.Teams.Tests;

public sealed class SigningKeysTests : IDisposable
{
    private const string Metadata = "http://127.0.0.1:5002/v1/.well-known/openidconfiguration";
    private readonly RSA _first = RSA.Create(2048);
    private readonly RSA _rotated = RSA.Create(2048);
    private bool _rotatedPublished;
    private bool _down;
    private string _jwksUri = "http://127.0.0.1:5002/v1/.well-known/keys";

    [Fact]
    public void ReadKeys_Jwks_PairsKeysWithEndorsements()
    {
        var configuration = new EndorsedOpenIdConfiguration("""{"issuer":"https://api.botframework.com"}""");

        configuration.ReadKeys(Jwks(("a", _first, ["msteams", "skype"]), ("b", _rotated, null)));

        var keys = configuration.EndorsedKeys;
        Assert.Equal(["msteams", "skype"], keys["a"].Endorsements.Order());
        Assert.Empty(keys["b"].Endorsements);
        Assert.Equal("a", keys["a"].Key.KeyId);
        Assert.Equal(2, configuration.SigningKeys.Count);
    }

    [Fact]
    public async Task FindAsync_KnownKid_FetchedOnceAndCached()
    {
        var (keys, endpoint) = Create();

        Assert.NotNull(await keys.FindAsync("first", CancellationToken.None));
        var fetches = endpoint.Requests.Count;
        Assert.NotNull(await keys.FindAsync("first", CancellationToken.None));

        Assert.Equal(2, fetches);
        Assert.Equal(fetches, endpoint.Requests.Count);
    }

    /// <summary>Without it the rotation test below passes only when the background refresh happens to win the race.</summary>
    [Fact]
    public void RuntimeConfig_BlockingRefreshSwitch_On()
    {
        Assert.True(AppContext.TryGetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", out var on) && on);
    }

    [Fact]
    public async Task FindAsync_UnknownKidAfterRotation_RefetchedBeforeAnswering()
    {
        var (keys, _) = Create();
        await keys.FindAsync("first", CancellationToken.None);
        _rotatedPublished = true;

        var rotated = await keys.FindAsync("rotated", CancellationToken.None);

        Assert.NotNull(rotated);
        Assert.Contains("msteams", rotated.Endorsements);
    }

    [Fact]
    public async Task FindAsync_ManyUnknownKidsInQuickSuccession_RefetchedAtMostOnce()
    {
        var (keys, endpoint) = Create();
        await keys.FindAsync("first", CancellationToken.None);
        var fetches = endpoint.Requests.Count;

        for (var i = 0; i < 20; i++)
        {
            Assert.Null(await keys.FindAsync($"forged-{i}", CancellationToken.None));
        }

        Assert.InRange(endpoint.Requests.Count - fetches, 0, 2);
    }

    [Fact]
    public async Task FindAsync_EndpointDownAfterKeysWereRead_KeepsKnownKeys()
    {
        var (keys, _) = Create();
        await keys.FindAsync("first", CancellationToken.None);
        _down = true;

        Assert.Null(await keys.FindAsync("rotated", CancellationToken.None));
        Assert.NotNull(await keys.FindAsync("first", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_EndpointDownFromTheStart_Throws()
    {
        var (keys, _) = Create();
        _down = true;

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => keys.FindAsync("first", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_JwksUriOverPlainHttpElsewhere_Throws()
    {
        _jwksUri = "http://keys.example.com/v1/.well-known/keys";
        var (keys, endpoint) = Create();

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => keys.FindAsync("first", CancellationToken.None));
        Assert.DoesNotContain(endpoint.Requests, r => r.Request.RequestUri!.Host == "keys.example.com");
    }

    public void Dispose()
    {
        _first.Dispose();
        _rotated.Dispose();
    }

    private (BotFrameworkSigningKeys Keys, StubHttpHandler Endpoint) Create()
    {
        var endpoint = new StubHttpHandler(request => _down ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : request.RequestUri!.AbsolutePath.EndsWith("/keys")
            ? Json(Jwks(_rotatedPublished ? [("first", _first, ["msteams"]), ("rotated", _rotated, ["msteams"])] : [("first", _first, ["msteams"])]))
            : Json($$"""{"issuer":"https://api.botframework.com","jwks_uri":"{{_jwksUri}}"}"""));
        var clients = new Mock<IHttpClientFactory>();
        clients.Setup(f => f.CreateClient(BotFrameworkSigningKeys.HttpClientName)).Returns(() => new HttpClient(endpoint, disposeHandler: false));
        var keys = new BotFrameworkSigningKeys(TestData.Options(o => o.OpenIdMetadataUrl = Metadata), clients.Object, NullLogger<BotFrameworkSigningKeys>.Instance);
        return (keys, endpoint);
    }

    private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static string Jwks(params (string Kid, RSA Key, string[]? Endorsements)[] keys) => new JsonObject
    {
        ["keys"] = new JsonArray([.. keys.Select(k =>
        {
            var parameters = k.Key.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = k.Kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (k.Endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray([.. k.Endorsements.Select(e => (JsonNode)e)]);
            }

            return (JsonNode)jwk;
        })]),
    }.ToJsonString();
}
