using System.Text.Json;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Discord.Tests.Commands;

/// <summary>"Ask ChatBrief about this message": a private answer to the question a message holds, and "Post to channel".</summary>
public class AskAboutMessageCommandTests
{
    [Fact]
    public void Interaction_DocumentedMessageCommandPayload_ReadsTheTargetMessageAndInstallPlace()
    {
        const string json = """
            {"id":"867793873336926249","application_id":"775799577604522054","type":2,"token":"UNIQUE_TOKEN","version":1,
             "guild_id":"772904309264089089","channel_id":"772908445358620702","context":0,
             "authorizing_integration_owners":{"1":"167348773423415296"},
             "member":{"permissions":"274877906943","roles":[],"user":{"id":"167348773423415296","username":"ian"}},
             "data":{"id":"866818195033292851","name":"Ask ChatBrief about this message","type":3,"target_id":"867793854505943041",
                     "resolved":{"messages":{"867793854505943041":{"id":"867793854505943041","channel_id":"772908445358620702",
                       "author":{"id":"5"},"content":"who signed the treaty?","embeds":[],"flags":0,"type":0}}}}}
            """;

        var interaction = JsonSerializer.Deserialize<Interaction>(json, DiscordJson.Options)!;

        Assert.Equal(3, interaction.Data!.Type);
        Assert.Equal("who signed the treaty?", interaction.Data.TargetMessage!.Content);
        Assert.Equal(CommandContexts.Guild, interaction.Context);
        Assert.False(InstallPlace.MayShareAnswers(interaction));
    }

    [Fact]
    public async Task HandleAsync_MessageWithAQuestion_AnswersPrivatelyWithAPostButton()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.AskAsync(new AskRequest("who signed?", 3, 0, "discord"), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.Answer(Samples.Passage()));

        var response = await Command(handlers).HandleAsync(OnMessage(" who signed? "), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal("who signed?", message.Embeds[0].Title);
        var post = message.Components.SelectMany(row => row.Components).Single(button => button.Label == PrivateAnswer.PostLabel);
        Assert.Equal("cb1:post:0", post.CustomId);
        Assert.Empty(message.AllowedMentions.Parse);
    }

    [Fact]
    public async Task HandleAsync_MessageWithoutText_SaysSoPrivately()
    {
        using var handlers = new Handlers();

        var response = await Command(handlers).HandleAsync(OnMessage(""), CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal(Replies.NoTextToAsk, message.Content);
        handlers.Answers.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(CommandContexts.Guild)]
    [InlineData(CommandContexts.PrivateChannel)]
    public async Task HandleAsync_WhereOnlyThePersonInstalledChatBrief_AnswersPrivatelyAndSaysWhyWithoutAPostButton(int context)
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.Answer(Samples.Passage()));

        var response = await Command(handlers).HandleAsync(OnMessage("who signed?") with { Context = context, AuthorizingIntegrationOwners = PersonOnly }, CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal(Replies.NotInstalledHere, message.Content);
        Assert.DoesNotContain(message.Components.SelectMany(row => row.Components), button => button.Label == PrivateAnswer.PostLabel);
    }

    [Fact]
    public async Task Ask_WhereOnlyThePersonInstalledChatBrief_AnswersPrivatelyAndSaysWhy()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.Answer(Samples.Passage()));

        var response = await new AskCommand(handlers.Composer, handlers.Responder)
            .HandleAsync(Samples.Command("ask", new { question = "who signed?" }) with { Context = CommandContexts.Guild, AuthorizingIntegrationOwners = PersonOnly }, CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal(Replies.NotInstalledHere, message.Content);
    }

    [Fact]
    public async Task PostButton_OnThePrivateAnswer_PostsTheAnswerForEveryoneAndLeavesThePrivateOne()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.AskAsync(new AskRequest("who *signed*?", 3, 0, "discord"), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.Answer(Samples.Passage()));

        var response = await Components(handlers).HandleAsync(Samples.Button("cb1:post:0", Samples.MessageWithTitle(@"who \*signed\*?") with { Flags = 64 }), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.False(message.IsEphemeral);
        Assert.Contains("**It was signed in Tokyo.**", message.Embeds[0].Description);
        Assert.DoesNotContain(message.Components.SelectMany(row => row.Components), button => button.Label == PrivateAnswer.PostLabel);
    }

    [Fact]
    public async Task PostButton_WhereOnlyThePersonInstalledChatBrief_RefusesPolitely()
    {
        using var handlers = new Handlers();
        var click = Samples.Button("cb1:post:0", Samples.MessageWithTitle("who?") with { Flags = 64 }) with { Context = CommandContexts.PrivateChannel, AuthorizingIntegrationOwners = PersonOnly };

        var response = await Components(handlers).HandleAsync(click, CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal(Replies.NotInstalledHere, message.Content);
        handlers.Answers.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(CommandContexts.BotDm, "1")]
    [InlineData(CommandContexts.Guild, "0")]
    public void MayShareAnswers_InTheBotsDmOrAServerThatInstalledIt_IsTrue(int context, string owner) =>
        Assert.True(InstallPlace.MayShareAnswers(OnMessage("q") with { Context = context, AuthorizingIntegrationOwners = new Dictionary<string, string> { [owner] = "1" } }));

    private static readonly Dictionary<string, string> PersonOnly = new() { ["1"] = "5" };

    private static AskAboutMessageCommand Command(Handlers handlers) => new(handlers.Composer, handlers.Responder);

    private static ComponentHandler Components(Handlers handlers) => handlers.Components();

    private static Interaction OnMessage(string content) =>
        Samples.Command(AskAboutMessageCommand.Name) with
        {
            Data = new InteractionData(AskAboutMessageCommand.Name, Resolved: new ResolvedData(Messages: new Dictionary<string, ReceivedMessage> { ["m9"] = new("m9", "700", Content: content) }))
            {
                Type = 3,
                TargetId = "m9",
            },
        };
}
