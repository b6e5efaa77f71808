namespace ChatBrief.Core.Feedback;

/// <summary>
/// Where feedback and the question log are kept. ChatBrief ships <see cref="SqliteFeedbackStore"/>, a file beside the
/// index; when several replicas run, a shared server database can take its place behind this interface. Callers pass
/// raw user ids; a store keeps only their salted hashes. Opening again is a no-op once open.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Opens the store and brings its schema up to date; a <see cref="FeedbackStoreException"/> says why it cannot.</summary>
    void Open();

    /// <summary>Logs a question; <paramref name="question"/> is null unless its text is to be kept.</summary>
    void AddQuestion(string answerId, DateTimeOffset at, string door, string userId, bool abstained, IReadOnlyList<ShownPassage> passages, TimeSpan latency, string? question);

    /// <summary>Remembers which chat message carries an answer, for doors whose feedback names the message (Teams).</summary>
    void LinkMessage(string answerId, string messageRef);

    /// <summary>The answer a chat message carries, or null when it is not known.</summary>
    string? FindAnswer(string messageRef);

    /// <summary>
    /// Sets a person's vote on an answer, replacing their earlier one. <paramref name="question"/> (the text, when the
    /// door can read it back) is kept with a 👎 if the log has none.
    /// </summary>
    void SetVote(string answerId, string door, string userId, Vote vote, DateTimeOffset at, string? question);

    /// <summary>Adds the reason (and comment) of a person's 👎; false when they have no 👎 on that answer.</summary>
    bool SetReason(string answerId, string userId, DownReason? reason, string? comment);

    /// <summary>Deletes questions and votes from before <paramref name="cutoff"/>; how many rows went.</summary>
    int DeleteOlderThan(DateTimeOffset cutoff);

    /// <summary>Deletes one person's questions and votes; how many rows went.</summary>
    int Forget(string userId);

    /// <summary>The questions asked since <paramref name="since"/>, oldest first, each with its votes.</summary>
    IReadOnlyList<LoggedQuestion> QuestionsSince(DateTimeOffset since);
}

/// <summary>The feedback database cannot be used; the message says why and what to do.</summary>
public sealed class FeedbackStoreException(string message, Exception? inner = null) : IOException(message, inner);
