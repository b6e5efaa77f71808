using System.Text.Json;
using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Rest;
using ChatBrief.Tests.Discord.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChatBrief.Tests.Discord;

/// <summary>The REST side of the real host against WireMock playing Discord: headers, bulk overwrite, rate limits, retries.</summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private const string RateLimited = """{"message":"You are being rate limited.","retry_after":0.3,"global":false}""";

    private DiscordHost _host = null!;

    private IDiscordCommandRegistrar Registrar => _host.Services.GetRequiredService<IDiscordCommandRegistrar>();

    private IDiscordRestClient Rest => _host.Services.GetRequiredService<IDiscordRestClient>();

    public async Task InitializeAsync() => _host = await DiscordHost.StartAsync(new Dictionary<string, string?> { ["BotToken"] = DiscordHost.BotToken }, withGateway: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Register_Guild_BulkOverwritesWithBotAuthorizationAndUserAgent()
    {
        Given("/api/v10/applications/42/guilds/123/commands", "PUT", 200, "[]");

        var names = await Registrar.RegisterAsync("123", CancellationToken.None);

        var request = Assert.Single(Requests()).RequestMessage!;
        Assert.Equal("Bot test-bot-token", request.Headers!["Authorization"].ToString());
        Assert.Matches(@"^DiscordBot \(https?://\S+, [0-9][^)]*\)$", request.Headers["User-Agent"].ToString());
        Assert.Equal(request.BodyAsBytes!.Length.ToString(), request.Headers["Content-Length"].ToString());
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal(names, body.RootElement.EnumerateArray().Select(command => command.GetProperty("name").GetString()!));
        var reindex = body.RootElement.EnumerateArray().Single(command => command.GetProperty("name").GetString() == "reindex");
        Assert.Equal("32", reindex.GetProperty("default_member_permissions").GetString());
        Assert.All(body.RootElement.EnumerateArray(), command => Assert.False(command.TryGetProperty("contexts", out _) || command.TryGetProperty("integration_types", out _)));
    }

    [Fact]
    public async Task Register_Twice_SendsTheSameOverwrite()
    {
        Given("/api/v10/applications/42/commands", "PUT", 200, "[]");

        await Registrar.RegisterAsync(null, CancellationToken.None);
        await Registrar.RegisterAsync(null, CancellationToken.None);

        var bodies = Requests().Select(entry => entry.RequestMessage!.Body).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Contains("\"contexts\":[0],\"type\":1,\"integration_types\":[0]", bodies[0]);
        Assert.Contains("""{"name":"Ask ChatBrief about this message","contexts":[0,1,2],"type":3,"integration_types":[0,1]}""", bodies[0]);
    }

    [Fact]
    public async Task Register_BucketRateLimited_WaitsRetryAfterThenSucceeds()
    {
        _host.Discord.Given(Request.Create().WithPath("/api/v10/applications/42/commands").UsingPut()).InScenario("429").WillSetStateTo("retried")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Content-Type", "application/json").WithHeader("X-RateLimit-Bucket", "cmds").WithHeader("X-RateLimit-Scope", "user").WithBody(RateLimited));
        _host.Discord.Given(Request.Create().WithPath("/api/v10/applications/42/commands").UsingPut()).InScenario("429").WhenStateIs("retried")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("[]"));

        await Registrar.RegisterAsync(null, CancellationToken.None);

        var requests = Requests();
        Assert.Equal(2, requests.Count);
        Assert.True(Gap(requests[0], requests[1]) >= TimeSpan.FromMilliseconds(280), $"retried after {Gap(requests[0], requests[1])}");
    }

    [Fact]
    public async Task Rest_GlobalRateLimit_PausesOtherRoutesToo()
    {
        _host.Discord.Given(Request.Create().WithPath("/api/v10/applications/42/commands").UsingPut()).InScenario("global").WillSetStateTo("retried")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("X-RateLimit-Global", "true").WithHeader("Content-Type", "application/json")
                .WithBody("""{"message":"You are being rate limited.","retry_after":0.5,"global":true}"""));
        _host.Discord.Given(Request.Create().WithPath("/api/v10/applications/42/commands").UsingPut()).InScenario("global").WhenStateIs("retried")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("[]"));
        GivenGatewayBot();

        var registering = Registrar.RegisterAsync(null, CancellationToken.None);
        await Eventually.HappensAsync(() => _host.Log.Lines().Any(line => line.Contains("rate limit hit", StringComparison.Ordinal)));
        await Rest.GetGatewayBotAsync(CancellationToken.None);
        await registering;

        var requests = Requests();
        var gateway = requests.Single(entry => entry.RequestMessage!.Path.EndsWith("/gateway/bot", StringComparison.Ordinal));
        Assert.True(Gap(requests[0], gateway) >= TimeSpan.FromMilliseconds(450), $"other route sent after {Gap(requests[0], gateway)}");
    }

    [Fact]
    public async Task Rest_BucketWithNothingRemaining_WaitsForItsResetBeforeTheNextRequest()
    {
        _host.Discord.Given(Request.Create().WithPath("/api/v10/gateway/bot").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithHeader("X-RateLimit-Bucket", "gw").WithHeader("X-RateLimit-Limit", "2")
            .WithHeader("X-RateLimit-Remaining", "0").WithHeader("X-RateLimit-Reset-After", "0.3").WithBody(GatewayBotBody("ws://127.0.0.1:1")));

        await Rest.GetGatewayBotAsync(CancellationToken.None);
        await Rest.GetGatewayBotAsync(CancellationToken.None);

        var requests = Requests();
        Assert.True(Gap(requests[0], requests[1]) >= TimeSpan.FromMilliseconds(280), $"second request after {Gap(requests[0], requests[1])}");
    }

    [Fact]
    public async Task EditOriginal_UnknownWebhook404_FailsAtOnceWithoutRetry()
    {
        Given("/api/v10/webhooks/42/expired/messages/@original", "PATCH", 404, """{"message":"Unknown Webhook","code":10015}""");

        var failure = await Assert.ThrowsAsync<DiscordRestException>(() => Rest.EditOriginalResponseAsync("expired", OutgoingMessage.Text("late"), CancellationToken.None));

        Assert.Equal((404, 10015), (failure.StatusCode, failure.ErrorCode));
        Assert.Single(Requests());
    }

    [Fact]
    public async Task Register_Unauthorized_FailsAtOnceWithoutRetry()
    {
        Given("/api/v10/applications/42/commands", "PUT", 401, """{"message":"401: Unauthorized","code":0}""");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Registrar.RegisterAsync(null, CancellationToken.None));

        Assert.Contains("401", failure.Message);
        Assert.Single(Requests());
    }

    [Fact]
    public async Task Rest_BadGatewayOnAnIdempotentPut_IsRetried()
    {
        _host.Discord.Given(Request.Create().WithPath("/api/v10/applications/42/commands").UsingPut()).InScenario("502").WillSetStateTo("retried")
            .RespondWith(Response.Create().WithStatusCode(502));
        _host.Discord.Given(Request.Create().WithPath("/api/v10/applications/42/commands").UsingPut()).InScenario("502").WhenStateIs("retried")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("[]"));

        await Registrar.RegisterAsync(null, CancellationToken.None);

        Assert.Equal(2, Requests().Count);
    }

    [Fact]
    public async Task CreateMessage_BadGateway_IsNotRetriedSoNoReplyIsPostedTwice()
    {
        Given("/api/v10/channels/700/messages", "POST", 502, "");

        await Assert.ThrowsAsync<DiscordRestException>(() => Rest.CreateMessageAsync("700", OutgoingMessage.Text("hi"), CancellationToken.None));

        Assert.Single(Requests());
    }

    private void Given(string path, string method, int status, string body) =>
        _host.Discord.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private void GivenGatewayBot() =>
        _host.Discord.Given(Request.Create().WithPath("/api/v10/gateway/bot").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(GatewayBotBody("ws://127.0.0.1:1")));

    internal static string GatewayBotBody(string url) =>
        JsonSerializer.Serialize(new { url, shards = 1, session_start_limit = new { total = 1000, remaining = 999, reset_after = 14_400_000, max_concurrency = 1 } });

    private List<ILogEntry> Requests() => _host.Discord.LogEntries.OrderBy(entry => entry.RequestMessage!.DateTime).ToList();

    private static TimeSpan Gap(ILogEntry first, ILogEntry second) => second.RequestMessage!.DateTime - first.RequestMessage!.DateTime;
}
