using ChatBrief.Core.Answers;
using ChatBrief.Discord.Gateway;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Discord.Tests.Gateway;

public class MentionResponderTests
{
    private const string Bot = "999";

    [Theory]
    [InlineData("<@999> who signed?", "who signed?")]
    [InlineData("who <@!999> signed?", "who   signed?")]
    [InlineData("<@123> asked <@999>", "<@123> asked")]
    public void WithoutMentionsOf_Content_RemovesOnlyTheBotsMentions(string content, string expected) =>
        Assert.Equal(expected, MentionResponder.WithoutMentionsOf(content, Bot));

    [Fact]
    public async Task Consider_MessageMentioningTheBot_RepliesWithoutPinging()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.AskAsync(new AskRequest("who signed?", 3, 0, "discord"), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.Answer(Samples.Passage()));

        Responder(handlers).Consider(Message("<@999> who signed?", mentions: [new DiscordUser(Bot)]), Bot);
        var reply = (await handlers.WaitForSentAsync(1)).Single();

        handlers.Rest.Verify(rest => rest.CreateMessageAsync("700", reply, It.IsAny<CancellationToken>()));
        Assert.Equal("m1", reply.MessageReference!.MessageId);
        Assert.Equal(AllowedMentions.NoneInReply, reply.AllowedMentions);
        Assert.Contains("Tokyo", reply.Embeds[0].Description);
    }

    [Fact]
    public async Task Consider_DirectMessageWithoutMention_IsAnswered()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.Answer(Samples.Passage()));

        Responder(handlers).Consider(Message("who signed?", guildId: null), Bot);

        Assert.Single(await handlers.WaitForSentAsync(1));
    }

    [Fact]
    public async Task Consider_MentionWithoutAQuestion_ExplainsHowToAsk()
    {
        using var handlers = new Handlers();

        Responder(handlers).Consider(Message($"<@{Bot}>", mentions: [new DiscordUser(Bot)]), Bot);
        var reply = (await handlers.WaitForSentAsync(1)).Single();

        Assert.StartsWith("Ask me a question after the mention", reply.Content);
        handlers.Answers.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("@ChatBrief typed as text", false, "5")]
    [InlineData("<@999> from a bot", true, "5")]
    [InlineData("<@999> from itself", false, Bot)]
    public void Consider_MessageNotForTheBot_IsIgnored(string content, bool authorIsBot, string authorId)
    {
        using var handlers = new Handlers();
        var mentions = content.StartsWith("<@999>", StringComparison.Ordinal) ? new[] { new DiscordUser(Bot) } : [];

        Responder(handlers).Consider(Message(content, mentions: mentions, author: new DiscordUser(authorId, Bot: authorIsBot)), Bot);

        handlers.Answers.VerifyNoOtherCalls();
        handlers.Rest.VerifyNoOtherCalls();
    }

    private static ReceivedMessage Message(string content, string? guildId = "900", IReadOnlyList<DiscordUser>? mentions = null, DiscordUser? author = null) =>
        new("m1", "700", guildId, author ?? new DiscordUser("5"), content, mentions ?? []);

    private static MentionResponder Responder(Handlers handlers) =>
        new(handlers.Composer, handlers.Rest.Object, handlers.Background, NullLogger<MentionResponder>.Instance);
}
