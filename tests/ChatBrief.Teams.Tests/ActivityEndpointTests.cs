using System.Net;
using System.Text;
using System.Text.Json;
using ChatBrief.Teams.Activities;
using ChatBrief.Core.Answers;
using ChatBrief.Teams.Auth;
using ChatBrief.Teams.MessageExtension;
using ChatBrief.Teams.Processing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Teams.Tests;

/// <summary>The inbound door's decisions that the end-to-end tests cannot provoke easily.</summary>
public sealed class ActivityEndpointTests
{
    private readonly Mock<IChannelTokenValidator> _tokens = new();
    private readonly TurnQueue _queue = new();
    private readonly ActivityDeduplicator _deduplicator = new(TimeProvider.System);
    private readonly Mock<IAnswerService> _answers = new();

    public ActivityEndpointTests()
    {
        _tokens.Setup(t => t.ValidateAsync(It.IsAny<string?>(), It.IsAny<InboundActivity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ChannelAuthentication.Valid);
    }

    [Fact]
    public async Task HandleAsync_SigningKeysUnavailable_Returns503()
    {
        _tokens.Setup(t => t.ValidateAsync(It.IsAny<string?>(), It.IsAny<InboundActivity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SigningKeysUnavailableException("down", new HttpRequestException()));

        Assert.Equal(503, await StatusAsync(Endpoint(), Request(TestData.Message("hi"))));
    }

    [Fact]
    public async Task HandleAsync_ExpectRepliesDelivery_Returns400()
    {
        Assert.Equal(400, await StatusAsync(Endpoint(), Request(TestData.Message("hi") with { DeliveryMode = "expectReplies" })));
    }

    [Fact]
    public async Task HandleAsync_BodyTooLarge_Returns413()
    {
        var http = Request(TestData.Message(new string('x', ActivityEndpoint.MaxBodyBytes)));

        Assert.Equal(413, await StatusAsync(Endpoint(), http));
    }

    [Fact]
    public async Task HandleAsync_ActivityWithoutConversation_Returns400()
    {
        Assert.Equal(400, await StatusAsync(Endpoint(), Request(TestData.Message("hi") with { Conversation = null })));
    }

    [Fact]
    public async Task HandleAsync_QueueFull_Returns503AndAcceptsTheRetry()
    {
        var endpoint = Endpoint();
        for (var i = 0; i < TurnQueue.Capacity; i++)
        {
            await endpoint.HandleAsync(Request(TestData.Message("hi") with { Id = $"fill-{i}" }));
        }

        Assert.Equal(503, await StatusAsync(endpoint, Request(TestData.Message("hi") with { Id = "late" })));
        Assert.True(_deduplicator.TryClaim($"{TestData.Message("hi").Conversation!.Id}|late"));
    }

    [Fact]
    public async Task HandleAsync_AnonymousFromAnotherMachine_Returns401()
    {
        var http = Request(TestData.Message("hi"), authorization: null);
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");

        Assert.Equal(401, await StatusAsync(Endpoint(TeamsDoorMode.AnonymousDevelopment), http));
    }

    [Fact]
    public async Task HandleAsync_AnonymousFromLoopback_Accepted()
    {
        var activity = TestData.Message("hi") with { ServiceUrl = "http://127.0.0.1:56150/" };
        var http = Request(activity, authorization: null);
        http.Connection.RemoteIpAddress = IPAddress.Loopback;

        Assert.Equal(200, await StatusAsync(Endpoint(TeamsDoorMode.AnonymousDevelopment), http));
        _tokens.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_MessageExtensionQuery_AnsweredInTheResponseAndNotQueued()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Answer("q", false, [TestData.Passage(1, "Quoted.")]));
        var query = TestData.Message("") with
        {
            Type = ActivityTypes.Invoke,
            Name = SearchQuery.InvokeName,
            Value = TestData.Json("""{"commandId":"searchSources","parameters":[{"name":"question","value":"q"}]}"""),
        };

        var result = await Endpoint().HandleAsync(Request(query));

        var json = Assert.IsAssignableFrom<IValueHttpResult>(result).Value as System.Text.Json.Nodes.JsonObject;
        Assert.Equal("result", json!["composeExtension"]!["type"]!.GetValue<string>());
        Assert.True(_deduplicator.TryClaim($"{query.Conversation!.Id}|{query.Id}"), "the invoke went to the queue");
    }

    private ActivityEndpoint Endpoint(TeamsDoorMode mode = TeamsDoorMode.Authenticated) => new(
        new TeamsDoorSettings(mode, null),
        _tokens.Object,
        new ServiceUrlPolicy(TestData.Options()),
        _deduplicator,
        _queue,
        new SearchExtensionResponder(_answers.Object, TimeProvider.System, NullLogger<SearchExtensionResponder>.Instance),
        NullLogger<ActivityEndpoint>.Instance);

    private static DefaultHttpContext Request(InboundActivity activity, string? authorization = "Bearer token")
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(activity, InboundActivity.JsonOptions)));
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        return http;
    }

    private static async Task<int?> StatusAsync(ActivityEndpoint endpoint, HttpContext http) =>
        (await endpoint.HandleAsync(http)) is IStatusCodeHttpResult result ? result.StatusCode : null;
}
