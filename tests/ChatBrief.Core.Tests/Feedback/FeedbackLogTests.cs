using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Core.Tests.Moderation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatBrief.Core.Tests.Feedback;

public sealed class FeedbackLogTests : IDisposable
{
    private readonly FeedbackFolder _folder = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger<FeedbackLog> _logger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Records_FromBothDoors_AreWrittenOnceEachWithTextOnlyForAbstainedAndDownVoted()
    {
        using var store = _folder.Store();
        using var log = await StartedAsync(store);

        var answered = log.RecordQuestion("discord", "u1", Answer("Who signed the treaty?", abstained: false))!;
        var disliked = log.RecordQuestion("teams", "u1", Answer("When was it signed?", abstained: false))!;
        var abstained = log.RecordQuestion("discord", "u2", Answer("Who designed the lighthouse?", abstained: true))!;
        log.RecordVote("discord", answered, "u3", Vote.Up);
        log.RecordVote("discord", answered, "u3", Vote.Up);
        log.RecordVote("teams", disliked, "u3", Vote.Up);
        log.RecordVote("teams", disliked, "u3", Vote.Down);
        log.RecordReason(disliked, "u3", DownReason.WrongPassage, null);
        await log.FlushAsync();

        var questions = store.QuestionsSince(_clock.Now.AddDays(-1)).ToDictionary(q => q.AnswerId);
        Assert.Equal(3, questions.Count);
        Assert.Null(questions[answered].Question);
        Assert.Equal([Vote.Up], questions[answered].Votes.Select(v => v.Vote));
        Assert.Equal("When was it signed?", questions[disliked].Question);
        Assert.Equal((Vote.Down, DownReason.WrongPassage), (questions[disliked].Votes.Single().Vote, questions[disliked].Votes.Single().Reason));
        Assert.Equal("Who designed the lighthouse?", questions[abstained].Question);
        Assert.Equal([new ShownPassage("a.txt", 3)], questions[abstained].Passages);
        Assert.Equal(TimeSpan.FromMilliseconds(42), questions[abstained].Latency);
    }

    [Fact]
    public async Task RecordQuestion_LogQuestionTextOn_KeepsEveryQuestion()
    {
        using var store = _folder.Store();
        using var log = await StartedAsync(store, o => o.LogQuestionText = true);

        log.RecordQuestion("discord", "u1", Answer("Who signed the treaty?", abstained: false));
        await log.FlushAsync();

        Assert.Equal("Who signed the treaty?", Assert.Single(store.QuestionsSince(_clock.Now.AddDays(-1))).Question);
    }

    [Fact]
    public async Task RecordVoteOnMessage_LinkedMessage_IsMatchedToItsAnswer()
    {
        using var store = _folder.Store();
        using var log = await StartedAsync(store);

        var id = log.RecordQuestion("teams", "aad-1", Answer("When was it signed?", abstained: false))!;
        log.LinkMessage(id, "teams:19:abc:1700");
        log.RecordVoteOnMessage("teams", "teams:19:abc:1700", "aad-2", Vote.Down, "it was 1960");
        log.RecordVoteOnMessage("teams", "teams:19:abc:unknown", "aad-2", Vote.Up, null);
        await log.FlushAsync();

        var question = Assert.Single(store.QuestionsSince(_clock.Now.AddDays(-1)));
        var vote = Assert.Single(question.Votes);
        Assert.Equal((Vote.Down, "it was 1960", "teams"), (vote.Vote, vote.Comment, vote.Door));
        Assert.Equal("When was it signed?", question.Question);
    }

    [Fact]
    public async Task Start_OldEntries_AreDeletedAfterTheRetentionDays()
    {
        using (var store = _folder.Store())
        {
            store.Open();
            store.AddQuestion("old", _clock.Now.AddDays(-11), "discord", "u1", true, [], TimeSpan.Zero, "q");
            store.AddQuestion("recent", _clock.Now.AddDays(-9), "discord", "u1", true, [], TimeSpan.Zero, "q");
        }

        using var reopened = _folder.Store();
        using var log = await StartedAsync(reopened, o => o.RetentionDays = 10);

        Assert.Equal(["recent"], reopened.QuestionsSince(_clock.Now.AddYears(-1)).Select(q => q.AnswerId));
    }

    [Fact]
    public async Task Start_DamagedDatabase_LogsWhyAndStopsLoggingWithoutFailingAnswers()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(_folder.DatabasePath, new string('x', 4096));
        using var store = _folder.Store();
        using var log = await StartedAsync(store);

        Assert.False(log.IsOn);
        Assert.Null(log.RecordQuestion("discord", "u1", Answer("Who signed?", abstained: true)));
        log.RecordVote("discord", "abc", "u1", Vote.Down);
        await log.FlushAsync();
        var error = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("is damaged or is not a SQLite database", error.Message);
    }

    [Fact]
    public async Task RecordQuestion_DataDisabled_LogsNothing()
    {
        using var store = _folder.Store();
        using var log = await StartedAsync(store, o => o.Enabled = false);

        Assert.Null(log.RecordQuestion("discord", "u1", Answer("Who signed?", abstained: true)));
        await log.FlushAsync();
        Assert.False(File.Exists(_folder.DatabasePath));
    }

    private async Task<FeedbackLog> StartedAsync(IFeedbackStore store, Action<DataOptions>? configure = null)
    {
        var log = new FeedbackLog(store, _folder.Options(configure), _clock, _logger);
        await log.StartAsync(CancellationToken.None);
        await log.FlushAsync();
        return log;
    }

    private static Answer Answer(string question, bool abstained) =>
        new(question, abstained, [new AnswerPassage(1, "a.txt#3", "a.txt", "A", null, 3, "Text.", "Text.", 1, [])]) { Latency = TimeSpan.FromMilliseconds(42) };
}
