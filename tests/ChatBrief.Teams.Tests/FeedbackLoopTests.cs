using System.Text.Json.Nodes;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Core.Indexing;
using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Auth;
using ChatBrief.Teams.Connector;
using ChatBrief.Teams.Conversation;
using Moq;

namespace ChatBrief.Teams.Tests;

/// <summary>Teams' own 👍/👎 under answers: the answer's message turns it on, and the invoke is matched to the answer.</summary>
public sealed class FeedbackLoopTests : IDisposable
{
    private const string SentId = "1700000000999";
    private readonly Mock<IAnswerService> _answers = new();
    private readonly Mock<IBotConnector> _connector = new();
    private readonly Mock<IFeedbackStore> _store = new();
    private readonly List<JsonObject> _sent = [];
    private readonly FeedbackLog _feedback;
    private readonly TurnHandler _handler;

    public FeedbackLoopTests()
    {
        _connector
            .Setup(c => c.SendAsync(It.IsAny<TrustedServiceUrl>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<JsonObject>(), It.IsAny<CancellationToken>()))
            .Callback((TrustedServiceUrl _, string _, string? _, JsonObject activity, CancellationToken _) => _sent.Add(activity))
            .ReturnsAsync(SentId);
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer("who leads the team?", false, [TestData.Passage(1, "Kate leads the team.")]));
        _feedback = TestData.Feedback(_store.Object);
        var index = new Mock<IIndexManager>().Object;
        _handler = TestData.Handler(_answers.Object, _connector.Object, TimeProvider.System, index, ModeratorWorkspace.Unused(index, TimeProvider.System), feedback: _feedback);
    }

    public void Dispose() => _feedback.Dispose();

    [Fact]
    public async Task Question_Answered_TurnsOnTheFeedbackLoopAndLinksTheSentMessage()
    {
        await _feedback.StartAsync(CancellationToken.None);

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> who leads the team?")), CancellationToken.None);
        await _feedback.FlushAsync();

        var reply = _sent.Single(a => a["type"]!.GetValue<string>() == "message");
        Assert.Equal("default", reply["channelData"]!["feedbackLoop"]!["type"]!.GetValue<string>());
        _store.Verify(s => s.AddQuestion(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), "teams", "aaaaaaaa-0000-0000-0000-000000000001", false, It.IsAny<IReadOnlyList<ShownPassage>>(), It.IsAny<TimeSpan>(), null));
        _store.Verify(s => s.LinkMessage(It.IsAny<string>(), $"teams:19:abc@thread.tacv2;messageid=1700000000000:{SentId}"));
    }

    [Fact]
    public async Task MoreResults_Page_HasNoFeedbackLoop()
    {
        await _handler.HandleAsync(TestData.Turn(TestData.Message("", value: TestData.Json("""{"chatbrief":"more","question":"q","skip":3}"""))), CancellationToken.None);

        Assert.Null(_sent.Single(a => a["type"]!.GetValue<string>() == "message")["channelData"]);
    }

    [Theory]
    [InlineData("like", null, Vote.Up, null)]
    [InlineData("dislike", """{\"feedbackText\":\" Wrong year. \"}""", Vote.Down, "Wrong year.")]
    public async Task SubmitActionInvoke_FeedbackOnAnAnswer_IsRecordedAgainstThatAnswer(string reaction, string? text, Vote vote, string? comment)
    {
        _store.Setup(s => s.FindAnswer("teams:19:abc@thread.tacv2;messageid=1700000000000:" + SentId)).Returns("abc123");
        await _feedback.StartAsync(CancellationToken.None);
        var feedback = text is null ? "" : $", \"feedback\": \"{text}\"";

        var value = "{\"actionName\": \"feedback\", \"actionValue\": {\"reaction\": \"" + reaction + "\"" + feedback + "}}";
        await _handler.HandleAsync(TestData.Turn(Invoke(value)), CancellationToken.None);
        await _feedback.FlushAsync();

        _store.Verify(s => s.SetVote("abc123", "teams", "aaaaaaaa-0000-0000-0000-000000000001", vote, It.IsAny<DateTimeOffset>(), null));
        _store.Verify(s => s.SetReason("abc123", "aaaaaaaa-0000-0000-0000-000000000001", null, comment), comment is null ? Times.Never() : Times.Once());
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task SubmitActionInvoke_UnknownShape_IsIgnored()
    {
        await _feedback.StartAsync(CancellationToken.None);

        await _handler.HandleAsync(TestData.Turn(Invoke("""{"actionName": "feedback", "actionValue": {"reaction": "meh"}}""")), CancellationToken.None);
        await _feedback.FlushAsync();

        _store.Verify(s => s.Open());
        _store.Verify(s => s.DeleteOlderThan(It.IsAny<DateTimeOffset>()));
        _store.VerifyNoOtherCalls();
    }

    private static InboundActivity Invoke(string value) => TestData.Message("", value: TestData.Json(value)) with
    {
        Type = ActivityTypes.Invoke,
        Name = FeedbackResponder.SubmitAction,
        ReplyToId = SentId,
    };
}
