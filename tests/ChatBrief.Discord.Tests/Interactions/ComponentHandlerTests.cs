using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Discord.Tests.Interactions;

public class ComponentHandlerTests
{
    private readonly Mock<IIndexManager> _index = new();

    [Fact]
    public async Task HandleAsync_MoreResultsOnTheSharedAnswer_AnswersTheClickerPrivatelyForTheQuestionReadFromTheMessage()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.AskAsync(new AskRequest("who *signed*?", 3, 3, "discord"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Samples.Answer(Samples.Passage(rank: 4)));

        var response = await Handler(handlers).HandleAsync(Samples.Button("cb1:page:3", Samples.MessageWithTitle(@"who \*signed\*?")), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal(@"who \*signed\*?", message.Embeds[0].Title);
        Assert.Equal("#4 Source", message.Embeds[0].Fields![0].Name);
    }

    [Fact]
    public async Task HandleAsync_MoreResultsOnAPrivateReplySlowerThanTheBudget_DefersTheUpdateThenEditsIt()
    {
        using var handlers = new Handlers();
        var answer = new TaskCompletionSource<Answer>();
        handlers.Answers.Setup(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).Returns(answer.Task);

        var response = await handlers.RespondingPastTheBudgetAsync(Handler(handlers).HandleAsync(Samples.Button("cb1:page:3", Samples.MessageWithTitle("who?") with { Flags = 64 }), CancellationToken.None));
        answer.SetResult(Samples.Answer(Samples.Passage(rank: 4)));
        var edit = (await handlers.WaitForSentAsync(1)).Single();

        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, response.Type);
        Assert.Equal("#4 Source", edit.Embeds[0].Fields![0].Name);
    }

    [Fact]
    public async Task HandleAsync_ShowContextOnTheSharedAnswer_ShowsTheClickerTheNeighbouringParagraphsPrivately()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.GetContextAsync(new PassageReference("a.txt", 4), 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PassageContext("a.txt", "Title", null, [new(3, "Before.", false), new(4, "Quote.", true)]));
        _index.Setup(index => index.GetStatus()).Returns(new IndexStatus(true, 1, 2, Samples.Now));

        var response = await Handler(handlers).HandleAsync(Samples.Button("cb1:ctx:0:4:a.txt", Samples.MessageWithTitle("who?")), CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.True(message.IsEphemeral);
        Assert.Equal("¶ 3: Before.\n\n¶ 4: **Quote.**", message.Embeds[0].Description);
        Assert.Equal("cb1:page:0", message.Components.Single().Components.Single().CustomId);
    }

    [Fact]
    public async Task HandleAsync_PassageNoLongerIndexed_SaysSoPrivately()
    {
        using var handlers = new Handlers();

        var response = await Handler(handlers).HandleAsync(Samples.Button("cb1:ctx:0:4:gone.txt", Samples.MessageWithTitle("who?")), CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal(Replies.PassageGone, message.Content);
    }

    [Theory]
    [InlineData("cb1:page:3", false)]
    [InlineData("cb0:page:3", true)]
    [InlineData("something-else", true)]
    public async Task HandleAsync_StateCannotBeRecovered_SaysTheButtonExpired(string customId, bool messageHasQuestion)
    {
        using var handlers = new Handlers();
        var message = messageHasQuestion ? Samples.MessageWithTitle("who?") : new ReceivedMessage("m1", "700");

        var response = await Handler(handlers).HandleAsync(Samples.Button(customId, message), CancellationToken.None);

        var reply = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.True(reply.IsEphemeral);
        Assert.Equal(Replies.ButtonExpired, reply.Content);
        handlers.Answers.VerifyNoOtherCalls();
    }

    private ComponentHandler Handler(Handlers handlers) =>
        handlers.Components(_index.Object);
}
