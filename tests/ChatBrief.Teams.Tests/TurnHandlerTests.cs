using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBrief.Core;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Auth;
using ChatBrief.Teams.Connector;
using ChatBrief.Teams.Conversation;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.Teams.Tests;

/// <summary>Command routing: what each message or card submission makes the bot call and reply.</summary>
public sealed class TurnHandlerTests
{
    private readonly Mock<IAnswerService> _answers = new(MockBehavior.Strict);
    private readonly Mock<IIndexManager> _index = new(MockBehavior.Strict);
    private readonly Mock<IBotConnector> _connector = new();
    private readonly ConcurrentQueue<JsonObject> _sent = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly TurnHandler _handler;

    public TurnHandlerTests()
    {
        _connector
            .Setup(c => c.SendAsync(It.IsAny<TrustedServiceUrl>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<JsonObject>(), It.IsAny<CancellationToken>()))
            .Callback((TrustedServiceUrl _, string _, string? _, JsonObject activity, CancellationToken _) => _sent.Enqueue(activity))
            .ReturnsAsync((string?)null);
        _handler = TestData.Handler(_answers.Object, _connector.Object, _clock, _index.Object, ModeratorWorkspace.Unused(_index.Object, _clock), TestData.Pace(questionsPerMinute: 2));
    }

    private IReadOnlyList<JsonObject> Messages => [.. _sent.Where(a => a["type"]!.GetValue<string>() == "message")];

    [Fact]
    public async Task HandleAsync_Question_AsksWithoutMentionAndRepliesWithCard()
    {
        _answers.Setup(a => a.AskAsync(new AskRequest("who leads the team?", 3, 0, "teams"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer("who leads the team?", false, [TestData.Passage(1, "Kate leads the team.")]));

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> who leads the team?")), CancellationToken.None);

        var reply = Assert.Single(Messages);
        Assert.Contains("Kate leads the team.", reply.Show());
        Assert.Equal(AdaptiveCardWriter.ContentType, reply["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_QuestionsBeyondThePersonsLimit_AsksThemToSlowDownWithoutSearching()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer("q", false, [TestData.Passage(1, "Text.")]));
        var more = TestData.Json("""{"chatbrief":"more","question":"q","skip":3}""");

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> q")), CancellationToken.None);
        await _handler.HandleAsync(TestData.Turn(TestData.Message("", value: more)), CancellationToken.None);
        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> q")), CancellationToken.None);

        _answers.Verify(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Contains("slow down and try again in 30 seconds", Messages[^1].Show());
    }

    [Fact]
    public async Task HandleAsync_AnotherPersonsQuestionsDoNotCount()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer("q", false, [TestData.Passage(1, "Text.")]));
        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> q")), CancellationToken.None);
        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> q")), CancellationToken.None);

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> q") with { From = new ChannelAccount("29:other", "Blake") }), CancellationToken.None);

        _answers.Verify(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task HandleAsync_QuestionInAPersonalChat_ShowsTypingFirst()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer("q", false, [TestData.Passage(1, "Text.")]));
        var personal = TestData.Message("q") with { Conversation = new ConversationAccount("a:personal") { ConversationType = "personal" } };

        await _handler.HandleAsync(TestData.Turn(personal), CancellationToken.None);

        Assert.Equal("typing", _sent.First()["type"]!.GetValue<string>());
        Assert.Equal("message", _sent.Last()["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_QuestionInAChannel_RepliesWithoutTyping()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer("q", false, [TestData.Passage(1, "Text.")]));

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> q")), CancellationToken.None);

        Assert.Equal(["message"], _sent.Select(activity => activity["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task HandleAsync_Status_RepliesWithIndexCounts()
    {
        _index.Setup(i => i.GetStatus()).Returns(new IndexStatus(true, 3, 42, _clock.GetUtcNow().AddHours(-2)));

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> status")), CancellationToken.None);

        var reply = Assert.Single(Messages).Show();
        Assert.Contains("3 documents and 42 passages", reply);
        Assert.Contains("Index built 2 hours ago", reply);
    }

    [Fact]
    public async Task HandleAsync_Sources_ListsDocuments()
    {
        _index.Setup(i => i.ListSources()).Returns([new SourceSummary("000_a.txt", "Allies and cyberspace", null, 12)]);

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> sources")), CancellationToken.None);

        Assert.Contains("Allies and cyberspace (000_a.txt, 12 passages)", Assert.Single(Messages).Show());
    }

    [Fact]
    public async Task HandleAsync_ReindexFromNonModerator_RefusesWithoutRebuilding()
    {
        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> reindex")), CancellationToken.None);

        Assert.Contains("only moderators can reindex", Assert.Single(Messages).Show());
        _index.Verify(i => i.RebuildAsync(It.IsAny<bool>(), It.IsAny<IProgress<IndexBuildProgress>?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_ReindexFromModerator_RebuildsAndReports()
    {
        _index.Setup(i => i.RebuildAsync(false, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IndexBuildReport(3, 40, 1, 0, 0, 2, [], false, null, TimeSpan.FromSeconds(1.5)));

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> reindex", aadObjectId: TestData.ModeratorId)), CancellationToken.None);

        Assert.Equal(2, Messages.Count);
        Assert.Contains("Reindexing the sources", Messages[0].Show());
        Assert.Contains("Reindexed in 1.5 s: 3 documents, 40 passages.", Messages[1].Show());
    }

    [Fact]
    public async Task HandleAsync_ReindexWhileOneRuns_SaysSo()
    {
        _index.Setup(i => i.RebuildAsync(false, null, It.IsAny<CancellationToken>())).ThrowsAsync(new IndexBuildInProgressException());

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> reindex", aadObjectId: TestData.ModeratorId)), CancellationToken.None);

        Assert.Contains("already running", Messages[^1].Show());
    }

    [Fact]
    public async Task HandleAsync_MoreResultsSubmit_AsksForTheNextPage()
    {
        _answers.Setup(a => a.AskAsync(new AskRequest("who leads?", 3, 3, "teams"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer("who leads?", false, [TestData.Passage(4, "Fourth.")]));
        var value = TestData.Json("""{"chatbrief":"more","question":"who leads?","skip":3}""");

        await _handler.HandleAsync(TestData.Turn(TestData.Message("", value: value)), CancellationToken.None);

        Assert.Contains("Fourth.", Assert.Single(Messages).Show());
    }

    [Fact]
    public async Task HandleAsync_ShowContextSubmit_RepliesWithContext()
    {
        _answers.Setup(a => a.GetContextAsync(new PassageReference("000_a.txt", 4), QuestionResponder.ContextRadius, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PassageContext("000_a.txt", "Allies", null, [new ContextParagraph(3, "Before.", false), new ContextParagraph(4, "Asked.", true)]));
        var value = TestData.Json("""{"chatbrief":"context","source":"000_a.txt","passage":4}""");

        await _handler.HandleAsync(TestData.Turn(TestData.Message("", value: value)), CancellationToken.None);

        var reply = Assert.Single(Messages).Show();
        Assert.Contains("Before.", reply);
        Assert.Contains("Paragraph 4", reply);
    }

    [Fact]
    public async Task HandleAsync_ShowContextOfAnEditedPassage_SaysItWasEdited()
    {
        _answers.Setup(a => a.GetContextAsync(new PassageReference("000_a.txt", 4, null, "1a2b3c4d"), QuestionResponder.ContextRadius, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PassageContext("000_a.txt", "Allies", null, [new ContextParagraph(4, "Now says this.", true)]) { State = PassageState.Edited });
        var value = TestData.Json("""{"chatbrief":"context","source":"000_a.txt","passage":4,"fingerprint":"1a2b3c4d"}""");

        await _handler.HandleAsync(TestData.Turn(TestData.Message("", value: value)), CancellationToken.None);

        var reply = Assert.Single(Messages).Show();
        Assert.Contains("This paragraph has been edited since the answer was given; this is what it says now.", reply);
        Assert.Contains("Now says this.", reply);
    }

    [Theory]
    [InlineData("""{"chatbrief":"more","question":"q","skip":-1}""")]
    [InlineData("""{"chatbrief":"more","question":"","skip":3}""")]
    [InlineData("""{"chatbrief":"context","source":"a.txt","passage":0}""")]
    [InlineData("""{"chatbrief":"delete-everything"}""")]
    [InlineData("""{"other":"data"}""")]
    [InlineData("\"just a string\"")]
    public async Task HandleAsync_UnknownOrInvalidSubmit_SendsNothing(string json)
    {
        await _handler.HandleAsync(TestData.Turn(TestData.Message("", value: TestData.Json(json))), CancellationToken.None);

        Assert.Empty(_sent);
    }

    [Fact]
    public async Task HandleAsync_IndexNotReady_SaysItIsBeingBuilt()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IndexNotReadyException());

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> who?")), CancellationToken.None);

        Assert.Contains("still being built", Assert.Single(Messages).Show());
    }

    [Fact]
    public async Task HandleAsync_AnswerServiceFails_ApologisesInsteadOfStayingSilent()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk gone"));

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> who?")), CancellationToken.None);

        var reply = Assert.Single(Messages).Show();
        Assert.Contains("something went wrong", reply);
        Assert.DoesNotContain("disk gone", reply);
    }

    [Fact]
    public async Task HandleAsync_BotAdded_SendsWelcome()
    {
        var activity = TestData.Message("") with { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount(TestData.BotId, null)] };

        await _handler.HandleAsync(TestData.Turn(activity), CancellationToken.None);

        Assert.Contains("Hello! I'm ChatBrief.", Assert.Single(Messages).Show());
    }

    [Fact]
    public async Task HandleAsync_SomeoneElseAdded_SendsNothing()
    {
        var activity = TestData.Message("") with { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("29:new-person", null)] };

        await _handler.HandleAsync(TestData.Turn(activity), CancellationToken.None);

        Assert.Empty(_sent);
    }

    [Fact]
    public async Task HandleAsync_Reply_AddressedFromBotToSenderAsReply()
    {
        _index.Setup(i => i.GetStatus()).Returns(new IndexStatus(false, 0, 0, null));
        var activity = TestData.Message("<at>ChatBrief</at> status");

        await _handler.HandleAsync(TestData.Turn(activity), CancellationToken.None);

        var reply = Assert.Single(Messages);
        Assert.Equal(TestData.BotId, reply["from"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user", reply["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(activity.Id, reply["replyToId"]!.GetValue<string>());
        _connector.Verify(c => c.SendAsync(It.IsAny<TrustedServiceUrl>(), activity.Conversation!.Id!, activity.Id, It.IsAny<JsonObject>(), It.IsAny<CancellationToken>()));
    }
}

internal static class ReplyReading
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The reply as JSON with apostrophes and angle brackets unescaped, for reading what it says.</summary>
    public static string Show(this JsonObject reply) => reply.ToJsonString(Readable);
}
