using ChatBrief.Teams.Auth;
using ChatBrief.Teams.Connector;

namespace ChatBrief.Teams.Tests;

public sealed class ServiceUrlPolicyTests
{
    private readonly ServiceUrlPolicy _defaults = new(TestData.Options());

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://SMBA.trafficmanager.net/emea/")]
    public void Trust_MicrosoftHostAfterAuthentication_TrustedWithToken(string url)
    {
        var trusted = _defaults.Trust(url, authenticated: true);

        Assert.NotNull(trusted);
        Assert.True(trusted.MayCarryToken);
    }

    [Theory]
    [InlineData("https://evil.example/amer/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://user:pass@smba.trafficmanager.net/amer/")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Trust_OtherHostsOrPlainHttp_Refused(string? url)
    {
        Assert.Null(_defaults.Trust(url, authenticated: true));
    }

    [Fact]
    public void Trust_LoopbackAllowedExplicitly_PlainHttpAccepted()
    {
        var policy = new ServiceUrlPolicy(TestData.Options(o => o.AllowedServiceHosts = ["127.0.0.1"]));

        Assert.NotNull(policy.Trust("http://127.0.0.1:5000/amer/", authenticated: true));
        Assert.Null(policy.Trust("https://smba.trafficmanager.net/amer/", authenticated: true));
    }

    [Fact]
    public void Trust_Anonymous_LoopbackOnlyAndNeverWithToken()
    {
        var trusted = _defaults.Trust("http://localhost:56150/", authenticated: false);

        Assert.NotNull(trusted);
        Assert.False(trusted.MayCarryToken);
        Assert.Null(_defaults.Trust("https://smba.trafficmanager.net/amer/", authenticated: false));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities/17%3A1")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities/17%3A1")]
    [InlineData("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities/17%3A1")]
    public void Activities_ServiceUrlWithPath_KeepsPathAndEscapesIds(string serviceUrl, string expected)
    {
        var trusted = _defaults.Trust(serviceUrl, authenticated: true)!;

        Assert.Equal(expected, ConnectorRoutes.Activities(trusted, "19:abc@thread.tacv2;messageid=17", "17:1").AbsoluteUri);
    }

    [Fact]
    public void Activities_NoReplyTo_PostsToConversation()
    {
        var trusted = _defaults.Trust("https://smba.trafficmanager.net/amer/", authenticated: true)!;

        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities", ConnectorRoutes.Activities(trusted, "a:1", null).AbsoluteUri);
    }
}
