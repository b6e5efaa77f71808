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
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private bool _rotatedPublished;
    private bool _down;

    [Fact]
    public void ReadKeys_Jwks_PairsKeysWithEndorsements()
    {
        var keys = BotFrameworkSigningKeys.ReadKeys(Jwks(("a", _first, ["msteams", "skype"]), ("b", _rotated, null)));

        Assert.Equal(["msteams", "skype"], keys["a"].Endorsements.Order());
        Assert.Empty(keys["b"].Endorsements);
        Assert.Equal("a", keys["a"].Key.KeyId);
    }

    [Fact]
    public async Task FindAsync_KnownKid_FetchedOnceAndCached()
    {
        var (keys, endpoint) = Create();

        Assert.NotNull(await keys.FindAsync("first", CancellationToken.None));
        var fetches = endpoint.Requests.Count;
        Assert.NotNull(await keys.FindAsync("first", CancellationToken.None));

        Assert.Equal(fetches, endpoint.Requests.Count);
    }

    [Fact]
    public async Task FindAsync_UnknownKidAfterRotation_Refetched()
    {
        var (keys, _) = Create();
        await keys.FindAsync("first", CancellationToken.None);
        _rotatedPublished = true;
        _clock.Now += TimeSpan.FromMinutes(2);

        var rotated = await keys.FindAsync("rotated", CancellationToken.None);

        Assert.NotNull(rotated);
    }

    [Fact]
    public async Task FindAsync_UnknownKidsInQuickSuccession_FetchedOnlyOnce()
    {
        var (keys, endpoint) = Create();
        await keys.FindAsync("first", CancellationToken.None);
        var fetches = endpoint.Requests.Count;

        Assert.Null(await keys.FindAsync("forged-1", CancellationToken.None));
        Assert.Null(await keys.FindAsync("forged-2", CancellationToken.None));

        Assert.Equal(fetches, endpoint.Requests.Count);
    }

    [Fact]
    public async Task FindAsync_EndpointDownAfterCacheExpired_KeepsKnownKeys()
    {
        var (keys, _) = Create();
        await keys.FindAsync("first", CancellationToken.None);
        _down = true;
        _clock.Now += TimeSpan.FromDays(2);

        Assert.NotNull(await keys.FindAsync("first", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_EndpointDownFromTheStart_Throws()
    {
        var (keys, _) = Create();
        _down = true;

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => keys.FindAsync("first", CancellationToken.None));
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
            : Json($$"""{"issuer":"https://api.botframework.com","jwks_uri":"http://127.0.0.1:5002/v1/.well-known/keys"}"""));
        var clients = new Mock<IHttpClientFactory>();
        clients.Setup(f => f.CreateClient(It.IsAny<string>())).Returns(() => new HttpClient(endpoint, disposeHandler: false));
        var keys = new BotFrameworkSigningKeys(TestData.Options(o => o.OpenIdMetadataUrl = Metadata), clients.Object, _clock, NullLogger<BotFrameworkSigningKeys>.Instance);
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
