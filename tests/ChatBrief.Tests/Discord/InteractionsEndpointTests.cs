using System.Net;
using System.Text.Json;
using ChatBrief.Tests.Discord.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChatBrief.Tests.Discord;

/// <summary>
/// The interactions endpoint of the real host, driven over HTTP with requests signed by a test key, over a canned core
/// whose passages hold markdown and mentions (<see cref="SeedAnswerTests"/> answers from the real core).
/// </summary>
public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    private DiscordHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await DiscordHost.StartAsync();
        _host.Discord.Given(Request.Create().WithPath("/api/v10/webhooks/*").UsingPatch()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_SignedPing_AnswersPong()
    {
        using var response = await _host.PostInteractionAsync(DiscordPayloads.Ping);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", (await response.JsonAsync()).GetRawText());
    }

    [Fact]
    public async Task Post_TamperedBody_Is401()
    {
        using var response = await _host.PostSignedAsync(JsonSerializer.Serialize(DiscordPayloads.Ping), DateTimeOffset.UtcNow, body => body.Replace("\"type\":1", "\"type\":2"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Post_MissingSignatureHeaders_Is401(bool withSignature, bool withTimestamp)
    {
        var body = JsonSerializer.Serialize(DiscordPayloads.Ping);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();

        using var response = await _host.PostAsync(body, withSignature ? _host.Sign(timestamp, body) : null, withTimestamp ? timestamp : null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not hex at all")]
    [InlineData("abcd")]
    [InlineData("")]
    public async Task Post_MalformedSignature_Is401(string signature)
    {
        using var response = await _host.PostAsync(JsonSerializer.Serialize(DiscordPayloads.Ping), signature, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_CorrectlySignedButOldTimestamp_Is401()
    {
        using var response = await _host.PostSignedAsync(JsonSerializer.Serialize(DiscordPayloads.Ping), DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedBodyThatIsNotJson_Is400NotAServerError()
    {
        using var response = await _host.PostSignedAsync("{not json", DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_OversizedBody_IsRefusedBeforeVerification()
    {
        using var response = await _host.PostSignedAsync(new string(' ', 300 * 1024) + "{}", DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Ask_SourceWithMarkdownAndMentions_IsEscapedOnTheWireAndPingsNoOne()
    {
        using var response = await _host.PostInteractionAsync(DiscordPayloads.Command("ask", [new { name = "question", type = 3, value = "what does the treaty cover?" }]));

        var json = await response.JsonAsync();
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        var data = json.GetProperty("data");
        Assert.Equal("""{"parse":[]}""", data.GetProperty("allowed_mentions").GetRawText());
        var first = data.GetProperty("embeds")[0];
        Assert.Equal("what does the treaty cover?", first.GetProperty("title").GetString());
        Assert.Equal(@"The nations agreed. **The defence treaty extends to cyberattacks.** \<@1\> was there.", first.GetProperty("description").GetString());
        Assert.Equal("Allies in \\*space\\*, by A. Writer\na.txt, paragraph 4", first.GetProperty("fields")[0].GetProperty("value").GetString());
        Assert.Equal("b.txt, paragraph 2", first.GetProperty("fields")[1].GetProperty("value").GetString());
        Assert.Equal("index built 2 hours ago", data.GetProperty("embeds")[2].GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal("cb1:page:3", data.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString());
    }

    [Fact]
    public async Task AskAboutThisMessage_MessageHoldingAQuestion_AnswersItPrivatelyWithAButtonToPostIt()
    {
        using var response = await _host.PostInteractionAsync(DiscordPayloads.MessageCommand("Ask ChatBrief about this message", "what does the treaty cover?"));

        var json = await response.JsonAsync();
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        var data = json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal("what does the treaty cover?", data.GetProperty("embeds")[0].GetProperty("title").GetString());
        var buttons = data.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).ToList();
        Assert.Contains(buttons, button => button.GetProperty("custom_id").GetString() == "cb1:post:0" && button.GetProperty("label").GetString() == "Post to channel");
    }

    [Fact]
    public async Task Reindex_MemberWithoutManageServer_IsRefusedPrivately()
    {
        using var response = await _host.PostInteractionAsync(DiscordPayloads.Command("reindex", permissions: "2048"));

        var json = await response.JsonAsync();
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("for moderators", json.GetProperty("data").GetProperty("content").GetString());
        Assert.Empty(_host.Discord.LogEntries);
    }

    [Fact]
    public async Task Reindex_MemberWithManageServer_DefersThenEditsTheOriginalWithTheSummary()
    {
        using var response = await _host.PostInteractionAsync(DiscordPayloads.Command("reindex", [new { name = "full", type = 5, value = true }], permissions: "32", token: "reindex-token"));

        var json = await response.JsonAsync();
        Assert.Equal("""{"type":5,"data":{"flags":64}}""", json.GetRawText());
        var summary = await Eventually.GetAsync(() => _host.Discord.LogEntries.Select(entry => entry.RequestMessage).LastOrDefault(request => request?.Body?.Contains("Reindex finished") == true));
        Assert.Equal("/api/v10/webhooks/42/reindex-token/messages/@original", summary.Path);
        Assert.Equal("PATCH", summary.Method);
        Assert.False(summary.Headers!.ContainsKey("Authorization"));
        Assert.StartsWith("DiscordBot (", summary.Headers["User-Agent"].ToString());
        using var body = JsonDocument.Parse(summary.Body!);
        Assert.Equal("""{"parse":[]}""", body.RootElement.GetProperty("allowed_mentions").GetRawText());
        Assert.False(body.RootElement.TryGetProperty("flags", out _));
    }

    [Fact]
    public async Task Button_WhoseMessageNoLongerCarriesTheQuestion_SaysItExpired()
    {
        using var response = await _host.PostInteractionAsync(DiscordPayloads.Button("cb1:page:3", new { id = "500", channel_id = "700" }));

        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Contains("expired", data.GetProperty("content").GetString());
    }
}
