namespace ChatBrief.Core.Answers;

/// <summary>
/// The bot's own fixed words around quotes, shared by every door so that an abstention reads the same in the terminal,
/// Discord and Teams. Nothing else an answer shows is written by ChatBrief.
/// </summary>
public static class AnswerWording
{
    public const string Abstention = "The sources don't answer this question.";

    public const string ClosestMatches = "Closest matches (not answers):";

    public const string Shortened = "Your question was long, so only its first part was searched.";
}
