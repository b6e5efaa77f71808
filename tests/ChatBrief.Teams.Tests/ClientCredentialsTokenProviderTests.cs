using System.Net;
using System.Text;
using ChatBrief.Teams.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Teams.Tests;

public sealed class ClientCredentialsTokenProviderTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private int _issued;
    private readonly StubHttpHandler _endpoint;
    private readonly ClientCredentialsTokenProvider _provider;

    public ClientCredentialsTokenProviderTests()
    {
        _endpoint = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"token_type":"Bearer","expires_in":3600,"access_token":"token-{{++_issued}}"}""", Encoding.UTF8, "application/json"),
        });
        var options = TestData.Options(o => o.TokenEndpoint = "http://127.0.0.1:5001/tenant/oauth2/v2.0/token");
        _provider = new ClientCredentialsTokenProvider(Clients(_endpoint), options, _clock, NullLogger<ClientCredentialsTokenProvider>.Instance);
    }

    [Fact]
    public async Task GetTokenAsync_First_PostsClientCredentialsForBotFrameworkScope()
    {
        Assert.Equal("token-1", await _provider.GetTokenAsync(CancellationToken.None));

        var (request, body) = Assert.Single(_endpoint.Requests);
        Assert.Equal("http://127.0.0.1:5001/tenant/oauth2/v2.0/token", request.RequestUri!.AbsoluteUri);
        Assert.Contains("grant_type=client_credentials", body);
        Assert.Contains("client_id=5f0e1c7a-3b2d-4e8f-9a61-0c2b7d4e8f13", body);
        Assert.Contains("client_secret=secret", body);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", body);
    }

    [Fact]
    public async Task GetTokenAsync_BeforeExpiry_Cached()
    {
        await _provider.GetTokenAsync(CancellationToken.None);
        _clock.Now += TimeSpan.FromMinutes(50);

        Assert.Equal("token-1", await _provider.GetTokenAsync(CancellationToken.None));
        Assert.Single(_endpoint.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_ShortlyBeforeExpiry_Renewed()
    {
        await _provider.GetTokenAsync(CancellationToken.None);
        _clock.Now += TimeSpan.FromMinutes(56);

        Assert.Equal("token-2", await _provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetTokenAsync_Refused_ThrowsWithStatus()
    {
        var refusing = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"error":"invalid_client"}""") });
        var provider = new ClientCredentialsTokenProvider(Clients(refusing), TestData.Options(), _clock, NullLogger<ClientCredentialsTokenProvider>.Instance);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("invalid_client", error.Message);
    }

    private static IHttpClientFactory Clients(HttpMessageHandler handler) =>
        Mock.Of<IHttpClientFactory>(f => f.CreateClient(ClientCredentialsTokenProvider.HttpClientName) == new HttpClient(handler));
}
