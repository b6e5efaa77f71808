using ChatBrief.Core.Answers;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Moq;

namespace ChatBrief.Discord.Tests.Commands;

public class AskCommandTests
{
    [Fact]
    public async Task HandleAsync_Question_AnswersInlineWithTheQuotedPassage()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.AskAsync(new AskRequest("who signed?", 3, 0, "discord"), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.Answer(Samples.Passage()));
        var command = new AskCommand(handlers.Composer, handlers.Responder);

        var response = await command.HandleAsync(Samples.Command("ask", new { question = " who signed? " }), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.Contains("**It was signed in Tokyo.**", message.Embeds[0].Description);
        Assert.Empty(message.AllowedMentions.Parse);
    }

    [Fact]
    public async Task HandleAsync_QuestionsAndPagesBeyondThePersonsLimit_AskThemPrivatelyToSlowDown()
    {
        using var handlers = new Handlers { Pace = new QuestionRateLimiter(Microsoft.Extensions.Options.Options.Create(new ChatBrief.Core.LimitsOptions { QuestionsPerMinute = 2 }), new Microsoft.Extensions.Time.Testing.FakeTimeProvider()) };
        handlers.Answers.Setup(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.Answer(Samples.Passage()));
        var command = new AskCommand(handlers.Composer, handlers.Responder);
        var components = handlers.Components();

        await command.HandleAsync(Samples.Command("ask", new { question = "who signed?" }), CancellationToken.None);
        await components.HandleAsync(Samples.Button("cb1:page:3", Samples.MessageWithTitle("who signed?")), CancellationToken.None);
        var refusedQuestion = await command.HandleAsync(Samples.Command("ask", new { question = "who signed?" }), CancellationToken.None);
        var refusedPage = await components.HandleAsync(Samples.Button("cb1:page:3", Samples.MessageWithTitle("who signed?")), CancellationToken.None);

        foreach (var refused in new[] { refusedQuestion, refusedPage })
        {
            Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, refused.Type);
            var message = Assert.IsType<OutgoingMessage>(refused.Data);
            Assert.True(message.IsEphemeral);
            Assert.Equal(AnswerWording.SlowDown(TimeSpan.FromSeconds(30)), message.Content);
        }

        handlers.Answers.Verify(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task HandleAsync_EmptyQuestion_AsksForOnePrivately()
    {
        using var handlers = new Handlers();
        var command = new AskCommand(handlers.Composer, handlers.Responder);

        var response = await command.HandleAsync(Samples.Command("ask", new { question = "  " }), CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal(Replies.EmptyQuestion, message.Content);
        handlers.Answers.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_AnswerSlowerThanTheBudget_DefersThenEditsTheOriginalResponse()
    {
        using var handlers = new Handlers();
        var answer = new TaskCompletionSource<Answer>();
        handlers.Answers.Setup(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).Returns(answer.Task);
        var command = new AskCommand(handlers.Composer, handlers.Responder);

        var response = await handlers.RespondingPastTheBudgetAsync(command.HandleAsync(Samples.Command("ask", new { question = "who signed?" }), CancellationToken.None));
        answer.SetResult(Samples.Answer(Samples.Passage()));
        var edit = (await handlers.WaitForSentAsync(1)).Single();

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response.Type);
        Assert.Contains("Tokyo", edit.Embeds[0].Description);
        handlers.Rest.Verify(rest => rest.EditOriginalResponseAsync("tok", edit, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_AnswerThatHoldsItsThreadPastTheBudget_StillDefers()
    {
        using var handlers = new Handlers();
        using var release = new ManualResetEventSlim();
        // A search over an open index never yields: the answer comes back synchronously, however long it takes.
        handlers.Answers.Setup(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                release.Wait(TimeSpan.FromSeconds(60));
                return Task.FromResult(Samples.Answer(Samples.Passage()));
            });
        var command = new AskCommand(handlers.Composer, handlers.Responder);

        try
        {
            var response = await handlers.RespondingPastTheBudgetAsync(Task.Run(() => command.HandleAsync(Samples.Command("ask", new { question = "who signed?" }), CancellationToken.None)));

            Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response.Type);
        }
        finally
        {
            release.Set();
        }

        Assert.Single(await handlers.WaitForSentAsync(1));
    }
}
