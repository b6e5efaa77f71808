using System.Net;
using System.Text;
using ChatBrief.Teams.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Teams.Tests;

public sealed class MsalBotTokenProviderTests
{
    private const string Authority = "https://login.stand-in.test/tenant-1";
    private int _issued;
    private int _lifetimeSeconds = 3600;
    private readonly StubHttpHandler _endpoint;
    private readonly MsalBotTokenProvider _provider;

    public MsalBotTokenProviderTests()
    {
        _endpoint = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"token_type":"Bearer","expires_in":{{_lifetimeSeconds}},"access_token":"token-{{++_issued}}"}""", Encoding.UTF8, "application/json"),
        });
        _provider = Provider(_endpoint);
    }

    [Fact]
    public async Task GetTokenAsync_First_PostsClientCredentialsForBotFrameworkScopeToTheAuthority()
    {
        Assert.Equal("token-1", await _provider.GetTokenAsync(CancellationToken.None));

        var (request, body) = Assert.Single(_endpoint.Requests);
        Assert.Equal($"{Authority}/oauth2/v2.0/token", request.RequestUri!.GetLeftPart(UriPartial.Path));
        Assert.Contains("grant_type=client_credentials", body);
        Assert.Contains("client_id=5f0e1c7a-3b2d-4e8f-9a61-0c2b7d4e8f13", body);
        Assert.Contains("client_secret=secret", body);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", body);
    }

    [Fact]
    public async Task GetTokenAsync_Again_Cached()
    {
        await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", await _provider.GetTokenAsync(CancellationToken.None));
        Assert.Single(_endpoint.Requests);
    }

    /// <summary>A token with less than five minutes left is renewed, so it never expires between being sent and being checked.</summary>
    [Fact]
    public async Task GetTokenAsync_TokenAboutToExpire_Renewed()
    {
        _lifetimeSeconds = 120;
        await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", await _provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetTokenAsync_Refused_ThrowsWithStatusAndReason()
    {
        var refusing = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent("""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""", Encoding.UTF8, "application/json"),
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Provider(refusing).GetTokenAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("invalid_client", error.Message);
        Assert.DoesNotContain("=secret", error.ToString());
    }

    private static MsalBotTokenProvider Provider(HttpMessageHandler handler) => new(
        TestData.Options(o => o.Authority = Authority),
        Mock.Of<IHttpClientFactory>(f => f.CreateClient(MsalBotTokenProvider.HttpClientName) == new HttpClient(handler, disposeHandler: false)),
        NullLogger<MsalBotTokenProvider>.Instance);
}
