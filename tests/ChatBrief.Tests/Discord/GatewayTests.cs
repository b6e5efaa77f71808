using System.Text.Json;
using ChatBrief.Discord.Gateway;
using ChatBrief.Tests.Discord.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static ChatBrief.Tests.Discord.Support.GatewayTestsConstants;

namespace ChatBrief.Tests.Discord;

/// <summary>The real host's gateway client against a local WebSocket stand-in that plays Discord's gateway.</summary>
public sealed class GatewayTests : IAsyncLifetime
{
    // Short enough for quick tests, long enough that a loaded CI machine does not miss an ACK and see a zombie.
    private const int FastHeartbeatMs = 200;

    private GatewayStandIn _gateway = null!;
    private DiscordHost _host = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayStandIn.StartAsync();
        _host = await DiscordHost.StartAsync(new Dictionary<string, string?> { ["BotToken"] = DiscordHost.BotToken }, discord: server =>
        {
            server.Given(Request.Create().WithPath("/api/v10/gateway/bot").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json").WithBody(RestClientTests.GatewayBotBody(_gateway.GatewayUrl.ToString())));
            server.Given(Request.Create().WithPath("/api/v10/channels/*/messages").UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json").WithBody("""{"id":"reply"}"""));
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Gateway_HelloReadyAndAMention_IdentifiesHeartbeatsAndRepliesWithoutPinging()
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(FastHeartbeatMs);
        var identify = await connection.ExpectAsync(2);
        await connection.ReadyAsync(_gateway.ResumeUrl, sequence: 1);
        await connection.NextHeartbeatAsync();
        var heartbeat = await connection.NextHeartbeatAsync();
        await connection.DispatchAsync("MESSAGE_CREATE", 2, Message("m-other", "no mention here", mentions: []));
        await connection.DispatchAsync("MESSAGE_CREATE", 3, Message("m-bot", $"<@{BotUserId}> from a bot", author: new { id = "6", bot = true }));
        await connection.DispatchAsync("MESSAGE_CREATE", 4, Message("m1", $"<@{BotUserId}> what does the treaty cover?"));

        Assert.Equal("/gateway", connection.Path);
        Assert.Contains("v=10", connection.Query);
        Assert.Contains("encoding=json", connection.Query);
        Assert.Equal(DiscordHost.BotToken, identify.GetProperty("token").GetString());
        Assert.Equal(4608, identify.GetProperty("intents").GetInt32());
        Assert.Equal(1, heartbeat.GetProperty("d").GetInt64());

        var reply = await Eventually.GetAsync(() => _host.Discord.LogEntries.Select(entry => entry.RequestMessage).FirstOrDefault(request => request?.Method == "POST"));
        // The messages are read in order and stopping waits for every answer under way, so a reply to either of the
        // first two would be in the log by now.
        await _host.StopAsync().WaitAsync(Patience.Bound);
        Assert.Single(_host.Discord.LogEntries, entry => entry.RequestMessage?.Method == "POST");
        Assert.Equal("/api/v10/channels/700/messages", reply.Path);
        Assert.Equal("Bot " + DiscordHost.BotToken, reply.Headers!["Authorization"].ToString());
        using var body = JsonDocument.Parse(reply.Body!);
        Assert.Equal("""{"parse":[],"replied_user":false}""", body.RootElement.GetProperty("allowed_mentions").GetRawText());
        Assert.Equal("m1", body.RootElement.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal("what does the treaty cover?", body.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Gateway_DirectMessage_IsAnsweredWithAReply()
    {
        var connection = await ReadyConnectionAsync();

        await connection.DispatchAsync("MESSAGE_CREATE", 2, new { id = "dm1", channel_id = "800", author = new { id = "5" }, content = "what does the treaty cover?", mentions = Array.Empty<object>(), type = 0 });

        var reply = await Eventually.GetAsync(() => _host.Discord.LogEntries.Select(entry => entry.RequestMessage).FirstOrDefault(request => request?.Method == "POST"));
        Assert.Equal("/api/v10/channels/800/messages", reply.Path);
        using var body = JsonDocument.Parse(reply.Body!);
        Assert.Equal("dm1", body.RootElement.GetProperty("message_reference").GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task Gateway_DroppedConnection_ResumesOnTheResumeUrlWithTheLastSequence()
    {
        var first = await ReadyConnectionAsync();
        await first.DispatchAsync("TYPING_START", 2, new { channel_id = "700" });
        await first.DispatchAsync("TYPING_START", 3, new { channel_id = "700" });
        await first.HeartbeatCarryingAsync(3);
        first.Drop();

        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(FastHeartbeatMs);
        var resume = await second.ExpectAsync(6);
        await second.DispatchAsync("RESUMED", 4, new { });

        Assert.Equal("/resume", second.Path);
        Assert.Equal(DiscordHost.BotToken, resume.GetProperty("token").GetString());
        Assert.Equal(SessionId, resume.GetProperty("session_id").GetString());
        Assert.Equal(3, resume.GetProperty("seq").GetInt64());
        await Eventually.HappensAsync(() => _host.Log.Lines().Any(line => line.Contains($"session {SessionId} RESUMED", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Gateway_ReconnectRequest_ClosesWithoutEndingTheSessionAndResumes()
    {
        var first = await ReadyConnectionAsync();
        await first.SendAsync(new { op = 7, d = (object?)null });

        var closeCode = await first.ClientClosed.WaitAsync(Patience.Bound);
        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(FastHeartbeatMs);
        await second.ExpectAsync(6);

        Assert.NotNull(closeCode);
        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        Assert.Equal("/resume", second.Path);
    }

    [Fact]
    public async Task Gateway_InvalidSessionNotResumable_IdentifiesAfreshOnTheGatewayUrl()
    {
        var first = await ReadyConnectionAsync();
        await first.SendAsync(new { op = 9, d = false });

        await first.ClientClosed.WaitAsync(Patience.Bound);
        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(FastHeartbeatMs);
        var identify = await second.ExpectAsync(2);

        Assert.Equal("/gateway", second.Path);
        Assert.Equal(DiscordHost.BotToken, identify.GetProperty("token").GetString());
        Assert.Equal(2, _host.Discord.LogEntries.Count(entry => entry.RequestMessage?.Path == "/api/v10/gateway/bot"));
    }

    [Fact]
    public async Task Gateway_InvalidSessionResumable_Resumes()
    {
        var first = await ReadyConnectionAsync();
        await first.SendAsync(new { op = 9, d = true });

        await first.ClientClosed.WaitAsync(Patience.Bound);
        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(FastHeartbeatMs);

        Assert.Equal(SessionId, (await second.ExpectAsync(6)).GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Gateway_HeartbeatsNotAcknowledged_DropsTheZombieAndResumes()
    {
        var first = await _gateway.NextConnectionAsync();
        first.AcknowledgeHeartbeats = false;
        await first.HelloAsync(FastHeartbeatMs);
        await first.ExpectAsync(2);
        await first.ReadyAsync(_gateway.ResumeUrl);

        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(FastHeartbeatMs);
        await second.ExpectAsync(6);

        Assert.Null(await first.ClientClosed.WaitAsync(Patience.Bound));
        Assert.Contains(_host.Log.Lines(), line => line.Contains("zombie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gateway_ServerAsksForAHeartbeat_ItIsSentAtOnce()
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(600_000);
        await connection.ExpectAsync(2);
        await connection.ReadyAsync(_gateway.ResumeUrl, sequence: 5);

        await connection.SendAsync(new { op = 1, d = (object?)null });

        Assert.Equal(5, (await connection.NextHeartbeatAsync()).GetProperty("d").GetInt64());
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Gateway_FatalCloseCode_StopsForGoodWithAClearLogLine(int code)
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(FastHeartbeatMs);
        await connection.ExpectAsync(2);

        await connection.CloseAsync(code);

        var line = await Eventually.GetAsync(() => _host.Log.Lines().FirstOrDefault(entry => entry.Contains("stopped for good", StringComparison.Ordinal)));
        Assert.StartsWith($"Critical: Discord gateway stopped for good after close code {code}:", line);
        // The client has returned for good, so no reconnect can follow.
        await _host.Services.GetServices<IHostedService>().OfType<GatewayClient>().Single().ExecuteTask!.WaitAsync(Patience.Bound);
        Assert.Equal(1, _gateway.ConnectionsOpened);
        Assert.Single(_host.Discord.LogEntries, entry => entry.RequestMessage?.Path == "/api/v10/gateway/bot");
    }

    [Fact]
    public async Task Gateway_SessionTimedOut_IdentifiesAfresh()
    {
        var first = await ReadyConnectionAsync();
        await first.CloseAsync(4009);

        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(FastHeartbeatMs);

        await second.ExpectAsync(2);
        Assert.Equal("/gateway", second.Path);
    }

    [Fact]
    public async Task Gateway_HostStops_ClosesTheConnectionWithNormalClosure()
    {
        var connection = await ReadyConnectionAsync();
        await connection.NextHeartbeatAsync();

        await _host.StopAsync().WaitAsync(Patience.Bound);

        Assert.Equal(1000, await connection.ClientClosed.WaitAsync(Patience.Bound));
        Assert.Equal(1, _gateway.ConnectionsOpened);
    }

    private async Task<StandInConnection> ReadyConnectionAsync()
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(FastHeartbeatMs);
        await connection.ExpectAsync(2);
        await connection.ReadyAsync(_gateway.ResumeUrl);
        return connection;
    }

    private static object Message(string id, string content, object[]? mentions = null, object? author = null) => new
    {
        id,
        channel_id = "700",
        guild_id = "900",
        author = author ?? new { id = "5", username = "someone" },
        content,
        mentions = mentions ?? [new { id = BotUserId, username = "ChatBrief", bot = true }],
        mention_roles = Array.Empty<string>(),
        mention_everyone = false,
        type = 0,
    };
}
