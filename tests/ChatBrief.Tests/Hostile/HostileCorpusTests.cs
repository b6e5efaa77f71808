using System.Text;
using System.Text.Json;
using ChatBrief.Discord.Formatting;
using ChatBrief.Tests.Discord.Support;
using ChatBrief.Tests.Teams;

namespace ChatBrief.Tests.Hostile;

/// <summary>
/// Questions about the <see cref="HostileCorpus"/>, asked through both doors of the real host and answered by the real
/// core: each quote shows its source's characters literally, nothing pings anyone, and every reply fits the platform.
/// </summary>
public sealed class HostileCorpusTests(HostileCorpusFixture fixture) : IClassFixture<HostileCorpusFixture>
{
    /// <summary>The conservative Adaptive Card budget the issue asks for (Teams itself refuses near 100 KB of UTF-16).</summary>
    private const int TeamsCardBudgetBytes = 28 * 1024;

    public static TheoryData<string> Cases => HostileCorpus.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Discord_AskAboutAHostileSource_QuotesItLiterallyWithinLimitsPingingNoOne(string name)
    {
        var hostile = HostileCorpus.Named(name);

        using var response = await fixture.Discord.PostInteractionAsync(DiscordPayloads.Command("ask", [new { name = "question", type = 3, value = hostile.Question }]));

        var reply = await response.JsonAsync();
        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        var data = reply.GetProperty("data");
        Assert.Equal("""{"parse":[]}""", data.GetProperty("allowed_mentions").GetRawText());
        AssertWithinDiscordLimits(data);
        var quote = data.GetProperty("embeds")[0].GetProperty("description").GetString()!;
        Assert.Contains(hostile.FileName, data.GetProperty("embeds")[0].GetRawText());
        Assert.Contains(DiscordMarkdown.Escape(hostile.Shown), quote);
        if (hostile.NeverShown is { } hidden)
        {
            Assert.DoesNotContain(hidden, data.GetRawText());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Teams_AskAboutAHostileSource_QuotesItLiterallyInAPlainTextCardWithinBudget(string name)
    {
        var hostile = HostileCorpus.Named(name);
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message(TeamsDoorFixture.AppId, fixture.BotFramework.ServiceUrl, conversation, hostile.Question);

        using var response = await fixture.Teams.PostActivityAsync(activity, fixture.BotFramework.IssueToken(TeamsDoorFixture.AppId, fixture.BotFramework.ServiceUrl));

        var reply = await fixture.BotFramework.WaitForReplyAsync(conversation, activity["id"]!.GetValue<string>());
        Assert.InRange(Encoding.Unicode.GetByteCount(reply.Body), 1, TeamsCardBudgetBytes);
        Assert.DoesNotContain("<at>", reply.Json["text"]?.GetValue<string>() ?? "");
        Assert.DoesNotContain(reply.Json["entities"]?.AsArray() ?? [], entity => entity!["type"]!.GetValue<string>() == "mention");
        Assert.Contains(hostile.FileName, CardReader.Text(reply));
        Assert.Contains(hostile.Shown, CardReader.Text(reply));
        if (hostile.NeverShown is { } hidden)
        {
            Assert.DoesNotContain(hidden, reply.Body);
        }
    }

    private static void AssertWithinDiscordLimits(JsonElement message)
    {
        Assert.InRange(message.TryGetProperty("content", out var content) ? content.GetString()!.Length : 0, 0, MessageLimits.Content);
        var embeds = message.GetProperty("embeds").EnumerateArray().ToList();
        Assert.InRange(embeds.Count, 1, MessageLimits.EmbedsPerMessage);
        var total = 0;
        foreach (var embed in embeds)
        {
            total += Measure(embed, "title", MessageLimits.Title) + Measure(embed, "description", MessageLimits.Description);
            var fields = embed.TryGetProperty("fields", out var found) ? found.EnumerateArray().ToList() : [];
            Assert.InRange(fields.Count, 0, MessageLimits.Fields);
            total += fields.Sum(field => Measure(field, "name", MessageLimits.FieldName) + Measure(field, "value", MessageLimits.FieldValue));
            total += embed.TryGetProperty("footer", out var footer) ? Measure(footer, "text", MessageLimits.FooterText) : 0;
        }

        Assert.InRange(total, 1, MessageLimits.EmbedsTotal);
    }

    /// <summary>The length Discord counts for one text of an embed, asserted within its own limit.</summary>
    private static int Measure(JsonElement owner, string property, int limit)
    {
        var length = owner.TryGetProperty(property, out var text) ? text.GetString()!.Length : 0;
        Assert.InRange(length, 0, limit);
        return length;
    }
}
