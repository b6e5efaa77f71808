using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChatBrief.Tests.Discord.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChatBrief.Tests.Discord;

/// <summary>One host on the real core, indexing a temporary copy of the repository's seeds, shared by the tests of this class.</summary>
public sealed class SeedsHostFixture : IAsyncLifetime
{
    private SeedsWorkspace _seeds = null!;

    internal DiscordHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _seeds = await SeedsWorkspace.WithIndexAsync("chatbrief-discord");
        Host = await DiscordHost.StartAsync(seeds: _seeds, discord: server =>
            server.Given(Request.Create().WithPath("/api/v10/webhooks/*").UsingPatch()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}")));
        await Eventually.HappensAsync(() => Host.Http.GetAsync(new Uri(Host.BaseAddress, "/readyz")).Result.StatusCode == HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _seeds.Dispose();
    }
}

/// <summary>Slash commands, buttons and autocomplete of the real host, answered by the real core from the seeds.</summary>
public sealed class SeedAnswerTests(SeedsHostFixture fixture) : IClassFixture<SeedsHostFixture>
{
    private const string TreatyQuestion = "When was the US-Japan Security Treaty signed?";

    private DiscordHost Host => fixture.Host;

    [Fact]
    public async Task Ask_QuestionTheSeedsAnswer_QuotesTheAnsweringPassageInline()
    {
        var data = await AskAsync(TreatyQuestion);

        var embeds = data.GetProperty("embeds").EnumerateArray().ToList();
        Assert.Equal(TreatyQuestion, embeds[0].GetProperty("title").GetString());
        Assert.Contains(embeds, embed => embed.GetProperty("description").GetString()!.Contains("1960", StringComparison.Ordinal));
        Assert.All(embeds, embed => Assert.Contains("**", embed.GetProperty("description").GetString()));
        Assert.Equal("#1 Source", embeds[0].GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.Matches(@"\.txt, paragraph \d+$", embeds[0].GetProperty("fields")[0].GetProperty("value").GetString());
        Assert.StartsWith("index built", embeds[^1].GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal("""{"parse":[]}""", data.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task Ask_QuestionTheSeedsDoNotAnswer_SaysSoPlainly()
    {
        var data = await AskAsync("What colour is the xylophone of the quokka zeppelin?");

        var embed = Assert.Single(data.GetProperty("embeds").EnumerateArray());
        Assert.StartsWith("The sources don't answer this question.", embed.GetProperty("description").GetString());
        var fields = embed.TryGetProperty("fields", out var found) ? found.EnumerateArray().ToList() : [];
        Assert.True(fields.Count <= 3);
        Assert.All(fields, field => Assert.StartsWith("Closest match:", field.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task MoreResults_OnAMessageThisHostNeverSent_WorksFromTheMessageAloneAsAfterARestart()
    {
        var message = new { id = "500", channel_id = "700", embeds = new[] { new { title = TreatyQuestion } } };

        using var response = await Host.PostInteractionAsync(DiscordPayloads.Button("cb1:page:3", message));

        var json = await response.JsonAsync();
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        var embeds = json.GetProperty("data").GetProperty("embeds").EnumerateArray().ToList();
        Assert.Equal(TreatyQuestion, embeds[0].GetProperty("title").GetString());
        var ranks = embeds.Where(embed => embed.TryGetProperty("fields", out _)).Select(embed => embed.GetProperty("fields")[0].GetProperty("name").GetString()).ToList();
        Assert.All(ranks, rank => Assert.True(int.Parse(rank!.Split(' ')[0].TrimStart('#')) >= 4, rank));
    }

    [Fact]
    public async Task ShowContext_OnARealAnswer_ShowsTheQuotedParagraphAmongItsNeighbours()
    {
        var answer = await AskAsync(TreatyQuestion);
        var customId = answer.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(button => button.GetProperty("custom_id").GetString()!).First(id => id.StartsWith("cb1:ctx:", StringComparison.Ordinal));
        var message = new { id = "500", channel_id = "700", embeds = new[] { new { title = TreatyQuestion } } };

        using var response = await Host.PostInteractionAsync(DiscordPayloads.Button(customId, message));

        var data = (await response.JsonAsync()).GetProperty("data");
        var paragraph = customId.Split(':')[3].Split('~')[0];
        Assert.Contains($"¶ {paragraph}: **", data.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.Equal("cb1:page:0", data.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString());
    }

    [Fact]
    public async Task Autocomplete_TypedPrefix_SuggestsFromTheSeedsWellWithinThreeSeconds()
    {
        var watch = Stopwatch.StartNew();

        using var response = await Host.PostInteractionAsync(DiscordPayloads.Autocomplete("secu"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        var json = await response.JsonAsync();
        Assert.Equal(8, json.GetProperty("type").GetInt32());
        var choices = json.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.NotEmpty(choices);
        Assert.All(choices, choice => Assert.InRange(choice.GetProperty("value").GetString()!.Length, 1, 100));
    }

    [Fact]
    public async Task Reindex_ByAModerator_RebuildsTheSeedsAndEditsInTheSummary()
    {
        using var response = await Host.PostInteractionAsync(DiscordPayloads.Command("reindex", permissions: "32", token: "seeds-reindex"));

        Assert.Equal(5, (await response.JsonAsync()).GetProperty("type").GetInt32());
        var summary = await Eventually.GetAsync(
            () => Host.Discord.LogEntries.Select(entry => entry.RequestMessage).LastOrDefault(request => request?.Path.Contains("seeds-reindex", StringComparison.Ordinal) == true && request.Body!.Contains("Reindex finished", StringComparison.Ordinal)));
        using var body = JsonDocument.Parse(summary.Body!);
        Assert.StartsWith("3 documents", body.RootElement.GetProperty("embeds")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task SourcesAndStatus_Always_DescribeTheIndexedSeeds()
    {
        using var sources = await Host.PostInteractionAsync(DiscordPayloads.Command("sources"));
        using var status = await Host.PostInteractionAsync(DiscordPayloads.Command("status"));

        var sourcesEmbed = (await sources.JsonAsync()).GetProperty("data").GetProperty("embeds")[0];
        var statusEmbed = (await status.JsonAsync()).GetProperty("data").GetProperty("embeds")[0];
        Assert.Equal("3 indexed documents", sourcesEmbed.GetProperty("title").GetString());
        Assert.Contains("000\\_a0faeb7ade4ac0d7.txt", sourcesEmbed.GetProperty("description").GetString());
        Assert.Equal("3", statusEmbed.GetProperty("fields")[0].GetProperty("value").GetString());
    }

    private async Task<JsonElement> AskAsync(string question)
    {
        using var response = await Host.PostInteractionAsync(DiscordPayloads.Command("ask", [new { name = "question", type = 3, value = question }]));
        var json = await response.JsonAsync();
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        return json.GetProperty("data");
    }
}
