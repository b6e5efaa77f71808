using System.Net;
using System.Text.Json;
using ChatBrief.Tests.Discord.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChatBrief.Tests.Discord;

/// <summary>The interactions endpoint of the real host, driven over HTTP with requests signed by a test key.</summary>
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
    public async Task Ask_Question_AnswersInlineWithQuoteCitationAndNoPings()
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
    public async Task Ask_QuestionTheSourcesDoNotAnswer_SaysSoAndShowsClosestMatchesAsSuch()
    {
        using var response = await _host.PostInteractionAsync(DiscordPayloads.Command("ask", [new { name = "question", type = 3, value = "who lives on the moon?" }]));

        var embed = (await response.JsonAsync()).GetProperty("data").GetProperty("embeds")[0];
        Assert.StartsWith("The sources do not answer this question.", embed.GetProperty("description").GetString());
        Assert.All(embed.GetProperty("fields").EnumerateArray(), field => Assert.StartsWith("Closest match:", field.GetProperty("name").GetString()));
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
    public async Task MoreResults_ButtonOnAnAnswer_UpdatesTheMessageWithTheNextPassages()
    {
        var message = new { id = "500", channel_id = "700", embeds = new[] { new { title = @"what does the \*treaty\* cover?", description = "..." } } };

        using var response = await _host.PostInteractionAsync(DiscordPayloads.Button("cb1:page:3", message));

        var json = await response.JsonAsync();
        Assert.Equal(7, json.GetProperty("type").GetInt32());
        var embeds = json.GetProperty("data").GetProperty("embeds");
        Assert.Equal(@"what does the \*treaty\* cover?", embeds[0].GetProperty("title").GetString());
        Assert.Equal("#4 Source", embeds[0].GetProperty("fields")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ShowContext_Button_UpdatesTheMessageWithTheNeighbouringParagraphs()
    {
        var message = new { id = "500", channel_id = "700", embeds = new[] { new { title = "what does the treaty cover?", description = "..." } } };

        using var response = await _host.PostInteractionAsync(DiscordPayloads.Button("cb1:ctx:0:4:a.txt", message));

        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal("¶ 3: The paragraph before.\n\n¶ 4: **The defence treaty extends to cyberattacks.**\n\n¶ 5: The paragraph after.", data.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.Equal("cb1:page:0", data.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString());
    }

    [Fact]
    public async Task Button_WhoseMessageNoLongerCarriesTheQuestion_SaysItExpired()
    {
        using var response = await _host.PostInteractionAsync(DiscordPayloads.Button("cb1:page:3", new { id = "500", channel_id = "700" }));

        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Contains("expired", data.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Autocomplete_TypedPrefix_SuggestsFromTheIndexQuickly()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        using var response = await _host.PostInteractionAsync(DiscordPayloads.Autocomplete("cyb"));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"took {started.Elapsed}");
        var json = await response.JsonAsync();
        Assert.Equal(8, json.GetProperty("type").GetInt32());
        Assert.Equal(["cyberattacks", "cyber defence treaty"], json.GetProperty("data").GetProperty("choices").EnumerateArray().Select(choice => choice.GetProperty("value").GetString()));
    }

    [Theory]
    [InlineData("sources", "4 indexed documents")]
    [InlineData("status", "ChatBrief status")]
    [InlineData("help", "ChatBrief")]
    public async Task InformationCommands_Always_AnswerPrivatelyAndInline(string command, string title)
    {
        using var response = await _host.PostInteractionAsync(DiscordPayloads.Command(command));

        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal(title, data.GetProperty("embeds")[0].GetProperty("title").GetString());
    }
}
