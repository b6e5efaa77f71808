namespace ChatBrief.Core.Feedback;

/// <summary>What a person thought of an answer.</summary>
public enum Vote
{
    Up = 1,
    Down = -1,
}

/// <summary>Why an answer was voted down, as the Discord form offers it.</summary>
public enum DownReason
{
    WrongPassage,
    Outdated,
    MissingInformation,
    Other,
}

/// <summary>A passage an answer showed, by source and paragraph.</summary>
public sealed record ShownPassage(string Source, int Passage);

/// <summary>One answered (or abstained) question, as logged. <see cref="Question"/> is null unless its text is kept.</summary>
/// <param name="UserHash">The asker's id, hashed with the database's own salt; never the raw id.</param>
public sealed record LoggedQuestion(
    string AnswerId,
    DateTimeOffset At,
    string Door,
    string UserHash,
    bool Abstained,
    IReadOnlyList<ShownPassage> Passages,
    TimeSpan Latency,
    string? Question)
{
    /// <summary>The votes on this answer, one per person.</summary>
    public IReadOnlyList<LoggedVote> Votes { get; init; } = [];

    public bool VotedDown => Votes.Any(v => v.Vote == Vote.Down);
}

/// <summary>One person's vote on an answer; <see cref="Reason"/> and <see cref="Comment"/> only with 👎.</summary>
public sealed record LoggedVote(string AnswerId, string UserHash, string Door, Vote Vote, DownReason? Reason, string? Comment, DateTimeOffset At);

/// <summary>Names of <see cref="DownReason"/> as stored and shown.</summary>
public static class DownReasons
{
    public static string Label(DownReason reason) => reason switch
    {
        DownReason.WrongPassage => "wrong passage",
        DownReason.Outdated => "outdated",
        DownReason.MissingInformation => "missing information",
        _ => "other",
    };

    public static string Code(DownReason reason) => reason switch
    {
        DownReason.WrongPassage => "wrong_passage",
        DownReason.Outdated => "outdated",
        DownReason.MissingInformation => "missing_information",
        _ => "other",
    };

    public static DownReason? FromCode(string? code) => code switch
    {
        "wrong_passage" => DownReason.WrongPassage,
        "outdated" => DownReason.Outdated,
        "missing_information" => DownReason.MissingInformation,
        "other" => DownReason.Other,
        _ => null,
    };
}
