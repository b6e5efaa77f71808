using ChatBrief.Core.Feedback;
using Microsoft.Data.Sqlite;

namespace ChatBrief.Core.Tests.Feedback;

public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FeedbackFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void SetVote_SamePersonTwice_KeepsOneVoteTheLatest()
    {
        using var store = Opened();
        Ask(store, "a1", "discord-5");

        store.SetVote("a1", "discord", "discord-7", Vote.Up, Now, null);
        store.SetVote("a1", "discord", "discord-7", Vote.Down, Now.AddMinutes(1), "who designed it?");
        store.SetVote("a1", "teams", "aad-9", Vote.Up, Now, null);

        var question = Assert.Single(store.QuestionsSince(Now.AddDays(-1)));
        Assert.Equal([(Vote.Down, "discord"), (Vote.Up, "teams")], question.Votes.OrderBy(v => v.Door).Select(v => (v.Vote, v.Door)));
        Assert.Equal("who designed it?", question.Question);
    }

    [Fact]
    public void SetReason_AfterADownVote_IsStoredAndClearedByAChangedVote()
    {
        using var store = Opened();
        Ask(store, "a1", "u1");
        store.SetVote("a1", "discord", "u2", Vote.Down, Now, null);

        Assert.True(store.SetReason("a1", "u2", DownReason.Outdated, "the 2019 figures"));
        var vote = Assert.Single(Assert.Single(store.QuestionsSince(Now.AddDays(-1))).Votes);
        Assert.Equal((DownReason.Outdated, "the 2019 figures"), (vote.Reason, vote.Comment));

        store.SetVote("a1", "discord", "u2", Vote.Up, Now, null);
        Assert.Null(Assert.Single(Assert.Single(store.QuestionsSince(Now.AddDays(-1))).Votes).Reason);
        Assert.False(store.SetReason("a1", "u2", DownReason.Other, null));
    }

    [Fact]
    public void DeleteOlderThan_RemovesOnlyOldQuestionsAndVotes()
    {
        using var store = Opened();
        Ask(store, "old", "u1", Now.AddDays(-91));
        store.SetVote("old", "discord", "u2", Vote.Down, Now.AddDays(-91), null);
        Ask(store, "new", "u1", Now.AddDays(-1));
        store.SetVote("new", "discord", "u2", Vote.Up, Now.AddDays(-1), null);

        Assert.Equal(2, store.DeleteOlderThan(Now.AddDays(-90)));

        var left = Assert.Single(store.QuestionsSince(DateTimeOffset.MinValue.AddYears(2000)));
        Assert.Equal("new", left.AnswerId);
        Assert.Single(left.Votes);
    }

    [Fact]
    public void Forget_RemovesOnePersonsQuestionsAndVotesOnly()
    {
        using var store = Opened();
        Ask(store, "a1", "alice");
        Ask(store, "a2", "bob");
        store.SetVote("a2", "discord", "alice", Vote.Down, Now, null);
        store.SetVote("a2", "discord", "bob", Vote.Up, Now, null);

        Assert.Equal(2, store.Forget("alice"));

        var left = Assert.Single(store.QuestionsSince(Now.AddDays(-1)));
        Assert.Equal("a2", left.AnswerId);
        Assert.Equal([Vote.Up], left.Votes.Select(v => v.Vote));
        Assert.Equal(0, store.Forget("alice"));
    }

    [Fact]
    public void AddQuestion_Always_StoresOnlyASaltedHashOfTheUserId()
    {
        using (var store = Opened())
        {
            Ask(store, "a1", "user-4242424242");
            Assert.Equal(32, Assert.Single(store.QuestionsSince(Now.AddDays(-1))).UserHash.Length);
        }

        SqliteConnection.ClearAllPools();
        Assert.DoesNotContain("user-4242424242", File.ReadAllText(_folder.DatabasePath));
    }

    [Fact]
    public void Open_ExistingFile_KeepsItsDataAndMatchesMessagesToAnswers()
    {
        using (var first = Opened())
        {
            Ask(first, "a1", "u1");
            first.LinkMessage("a1", "teams:19:abc:1700");
        }

        using var second = Opened();
        Assert.Equal("a1", second.FindAnswer("teams:19:abc:1700"));
        Assert.Null(second.FindAnswer("teams:19:abc:other"));
        Assert.Single(second.QuestionsSince(Now.AddDays(-1)));
    }

    [Fact]
    public void Open_FileFromANewerSchema_SaysSoAndLeavesItAlone()
    {
        Directory.CreateDirectory(_folder.Path);
        using (var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        using var store = _folder.Store();
        var error = Assert.Throws<FeedbackStoreException>(store.Open);

        Assert.Contains("written by a newer ChatBrief (schema version 99; this version knows up to 1)", error.Message);
        Assert.Contains(_folder.DatabasePath, error.Message);
    }

    [Fact]
    public void Open_FileThatIsNoDatabase_SaysItIsDamaged()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(_folder.DatabasePath, new string('x', 4096));

        using var store = _folder.Store();
        var error = Assert.Throws<FeedbackStoreException>(store.Open);

        Assert.Contains("is damaged or is not a SQLite database; move it aside", error.Message);
    }

    [Fact]
    public void Open_FileLockedByAnotherProgram_SaysItIsLocked()
    {
        Directory.CreateDirectory(_folder.Path);
        using var other = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False");
        other.Open();
        using (var command = other.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; CREATE TABLE held (x); BEGIN EXCLUSIVE;";
            command.ExecuteNonQuery();
        }

        using var store = _folder.Store();
        var error = Assert.Throws<FeedbackStoreException>(store.Open);

        Assert.Contains("is locked by another program", error.Message);
    }

    private SqliteFeedbackStore Opened()
    {
        var store = _folder.Store();
        store.Open();
        return store;
    }

    private static void Ask(IFeedbackStore store, string answerId, string userId, DateTimeOffset? at = null) =>
        store.AddQuestion(answerId, at ?? Now, "discord", userId, abstained: false, [new ShownPassage("a.txt", 2)], TimeSpan.FromMilliseconds(12), null);
}
