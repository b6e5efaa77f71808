using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatBrief.Core;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Moderation;
using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Auth;
using ChatBrief.Teams.Connector;
using ChatBrief.Teams.Conversation;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.Teams.Tests;

/// <summary>Files sent to the bot, remove, alias, audit and gaps, from moderators and from everyone else.</summary>
public sealed class ModeratorCommandTests : IDisposable
{
    private const string SharePointUrl = "https://contoso-my.sharepoint.com/personal/avery/_layouts/15/download.aspx?UniqueId=1&tempauth=x";

    private readonly Mock<IIndexManager> _index = new();
    private readonly Mock<IBotConnector> _connector = new();
    private readonly ConcurrentQueue<JsonObject> _sent = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly ModeratorWorkspace _workspace;
    private readonly TurnHandler _handler;

    public ModeratorCommandTests()
    {
        _connector
            .Setup(c => c.SendAsync(It.IsAny<TrustedServiceUrl>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<JsonObject>(), It.IsAny<CancellationToken>()))
            .Callback((TrustedServiceUrl _, string _, string? _, JsonObject activity, CancellationToken _) => _sent.Enqueue(activity))
            .ReturnsAsync((string?)null);
        _index.Setup(i => i.GetStatus()).Returns(new IndexStatus(true, 1, 4, null));
        _index.Setup(i => i.RebuildAsync(false, It.IsAny<IProgress<IndexBuildProgress>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IndexBuildReport(2, 6, 1, 0, 0, 1, [new SkippedSource("old.docx", "unsupported type")], false, null, TimeSpan.FromSeconds(2)));
        _workspace = new ModeratorWorkspace(_index.Object, _clock);
        _handler = TestData.Handler(Mock.Of<IAnswerService>(), _connector.Object, _clock, _index.Object, _workspace.Responder);
    }

    private string LastReply => _sent.Where(a => a["type"]!.GetValue<string>() == "message").Last().Show();

    [Fact]
    public async Task FileInPersonalChat_FromAModerator_IsSavedIndexedAndReported()
    {
        await _handler.HandleAsync(TestData.Turn(File("notes.txt", SharePointUrl)), CancellationToken.None);

        Assert.Equal("Kono said the alliance is strong.", System.IO.File.ReadAllText(Path.Combine(_workspace.SourcesPath, "notes.txt")));
        Assert.Contains("Added notes.txt.", LastReply);
        Assert.Contains("2 documents, 6 passages (4 before): 1 added, 0 updated, 0 removed, 1 unchanged, 1 skipped; took 2.0 s.", LastReply);
        Assert.Contains("Skipped old.docx: unsupported type", LastReply);
        var entry = Assert.Single(_workspace.Audit.Latest(20));
        Assert.Equal(("teams", TestData.ModeratorId, "Avery", AuditResult.Done), (entry.Platform, entry.UserId, entry.UserName, entry.Result));
    }

    [Fact]
    public async Task File_FromSomeoneElse_IsRefusedNotFetchedAndAudited()
    {
        await _handler.HandleAsync(TestData.Turn(File("notes.txt", SharePointUrl, TestData.Message("").From!.AadObjectId)), CancellationToken.None);

        Assert.Contains("only moderators", LastReply);
        Assert.Empty(_workspace.Fetched);
        Assert.Equal(AuditResult.Refused, Assert.Single(_workspace.Audit.Latest(20)).Result);
    }

    [Fact]
    public async Task File_TraversalName_IsRefusedWithTheReason()
    {
        await _handler.HandleAsync(TestData.Turn(File("../../x.txt", SharePointUrl)), CancellationToken.None);

        Assert.Contains("must be a plain file name", LastReply);
        Assert.Empty(_workspace.Fetched);
    }

    [Fact]
    public async Task File_FromAnotherHost_IsRefused()
    {
        await _handler.HandleAsync(TestData.Turn(File("notes.txt", "https://files.example.com/notes.txt")), CancellationToken.None);

        Assert.Contains("does not come from the chat platform's own file storage", LastReply);
        Assert.Empty(_workspace.Fetched);
    }

    [Fact]
    public async Task File_NameInUse_AsksToSendItAgainWithReplace_ThenReplaces()
    {
        System.IO.File.WriteAllText(Path.Combine(_workspace.SourcesPath, "notes.txt"), "old");

        await _handler.HandleAsync(TestData.Turn(File("notes.txt", SharePointUrl)), CancellationToken.None);
        Assert.Contains("send the file again with the message replace", LastReply);
        Assert.Equal("old", System.IO.File.ReadAllText(Path.Combine(_workspace.SourcesPath, "notes.txt")));

        await _handler.HandleAsync(TestData.Turn(File("notes.txt", SharePointUrl) with { Text = "replace" }), CancellationToken.None);
        Assert.Contains("Replaced notes.txt.", LastReply);
    }

    [Fact]
    public async Task Remove_FromAModerator_MovesTheFileAside()
    {
        System.IO.File.WriteAllText(Path.Combine(_workspace.SourcesPath, "notes.txt"), "old");

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> remove notes.txt", TestData.ModeratorId)), CancellationToken.None);

        Assert.Contains("Removed notes.txt (moved to removed/notes.txt).", LastReply);
        Assert.True(System.IO.File.Exists(Path.Combine(_workspace.Root, "removed", "notes.txt")));
    }

    [Fact]
    public async Task Remove_FromSomeoneElse_IsRefusedAndTheFileStays()
    {
        System.IO.File.WriteAllText(Path.Combine(_workspace.SourcesPath, "notes.txt"), "old");

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> remove notes.txt")), CancellationToken.None);

        Assert.Contains("only moderators", LastReply);
        Assert.True(System.IO.File.Exists(Path.Combine(_workspace.SourcesPath, "notes.txt")));
    }

    [Fact]
    public async Task AliasAdd_FromAModerator_EditsTheFileAndRefreshes_ThenAliasesListsIt()
    {
        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> alias add SDF = Self-Defense Forces", TestData.ModeratorId)), CancellationToken.None);
        Assert.Contains("Added the alias SDF = Self-Defense Forces. It applies from the next question.", LastReply);

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> aliases")), CancellationToken.None);

        Assert.Contains("SDF = Self-Defense Forces", LastReply);
        _index.Verify(i => i.RefreshAliasesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AliasRemove_FromSomeoneElse_IsRefused()
    {
        System.IO.File.WriteAllText(Path.Combine(_workspace.SourcesPath, AliasLearner.AliasesFileName), "SDF = Self-Defense Forces\n");

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> alias remove SDF")), CancellationToken.None);

        Assert.Contains("only moderators", LastReply);
        Assert.Equal("SDF = Self-Defense Forces\n", System.IO.File.ReadAllText(Path.Combine(_workspace.SourcesPath, AliasLearner.AliasesFileName)));
    }

    [Fact]
    public async Task Audit_ShowsModeratorsTheLatestActions()
    {
        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> alias add A = B", TestData.ModeratorId)), CancellationToken.None);

        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> audit", TestData.ModeratorId)), CancellationToken.None);

        Assert.Contains($"2026-11-23 10:00 UTC, Avery (teams {TestData.ModeratorId}): alias add A = B: done.", LastReply);
    }

    [Fact]
    public async Task Gaps_InAPersonalChat_ShowsAModeratorTheUnansweredQuestionsGrouped()
    {
        _workspace.QuestionLog.Setup(l => l.QuestionsSince(_clock.GetUtcNow().AddDays(-7))).Returns(
        [
            Logged("a1", "What did Kono say about rice?"),
            Logged("a2", "what did kono say about rice"),
            Logged("a3", "When is the Olympics?"),
        ]);
        _workspace.Answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Answer("q", true, []));

        await _handler.HandleAsync(TestData.Turn(Personal(TestData.Message("gaps 7", TestData.ModeratorId))), CancellationToken.None);

        var reply = LastReply;
        Assert.Contains("Knowledge gaps, last 7 days", reply);
        Assert.Contains("2 asked: “what did kono say about rice” · “What did Kono say about rice?”", reply);
        Assert.Contains("1 asked: “When is the Olympics?”", reply);
        Assert.True(reply.IndexOf("2 asked", StringComparison.Ordinal) < reply.IndexOf("1 asked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gaps_InAChannel_AsksForAPersonalChatAndReadsNothing()
    {
        await _handler.HandleAsync(TestData.Turn(TestData.Message("<at>ChatBrief</at> gaps", TestData.ModeratorId)), CancellationToken.None);

        Assert.Contains("ask me for gaps in a personal chat", LastReply);
        _workspace.QuestionLog.Verify(l => l.QuestionsSince(It.IsAny<DateTimeOffset>()), Times.Never);
    }

    [Fact]
    public async Task Gaps_FromSomeoneElse_IsRefusedAndAudited()
    {
        await _handler.HandleAsync(TestData.Turn(Personal(TestData.Message("gaps", "someone-else"))), CancellationToken.None);

        Assert.Contains("only moderators", LastReply);
        Assert.Contains(_workspace.Audit.Latest(5), entry => entry.Action == ModeratorResponder.GapsAction && entry.Result == AuditResult.Refused);
        _workspace.QuestionLog.Verify(l => l.QuestionsSince(It.IsAny<DateTimeOffset>()), Times.Never);
    }

    [Theory]
    [InlineData("gaps", 30)]
    [InlineData("Gaps 7", 7)]
    [InlineData("gaps 3650", 3650)]
    public void Parse_Gaps_TakesTheDays(string text, int days) =>
        Assert.Equal(new ChatCommand.Gaps(days), ChatCommand.Parse(text));

    [Theory]
    [InlineData("gaps 0")]
    [InlineData("gaps in the treaty?")]
    public void Parse_GapsWithoutAValidNumber_StaysAQuestion(string text) =>
        Assert.IsType<ChatCommand.Ask>(ChatCommand.Parse(text));

    private LoggedQuestion Logged(string id, string question) =>
        new(id, _clock.GetUtcNow().AddDays(-1), "teams", "h", Abstained: true, [], TimeSpan.FromMilliseconds(40), question);

    private static InboundActivity Personal(InboundActivity activity) =>
        activity with { Conversation = new ConversationAccount("a:personal-chat") { ConversationType = "personal" } };

    [Theory]
    [InlineData("remove the sanctions?")]
    [InlineData("remove")]
    public void Parse_RemoveWithoutAFileName_StaysAQuestion(string text) =>
        Assert.IsType<ChatCommand.Ask>(ChatCommand.Parse(text));

    private static InboundActivity File(string name, string downloadUrl, string? aadObjectId = TestData.ModeratorId) => TestData.Message("", aadObjectId) with
    {
        Conversation = new ConversationAccount("a:personal-chat") { ConversationType = "personal" },
        Entities = [],
        Attachments =
        [
            new ActivityAttachment(ActivityAttachment.FileDownloadInfo, name)
            {
                Content = TestData.Json($$"""{"downloadUrl": "{{downloadUrl}}", "uniqueId": "1", "fileType": "txt"}"""),
            },
        ],
    };

    public void Dispose() => _workspace.Dispose();
}
