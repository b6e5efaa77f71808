using ChatBrief.Core.Answers;

namespace ChatBrief.Teams.Messages;

/// <summary>"Index built 3 hours ago (2026-11-23 07:00 UTC).": the shared wording, with the date for readers in other time zones.</summary>
internal static class IndexAge
{
    public static string? Describe(DateTimeOffset? builtAt, DateTimeOffset now)
    {
        if (builtAt is not { } built)
        {
            return null;
        }

        var words = AnswerWording.IndexAge(built, now);
        return $"{char.ToUpperInvariant(words[0])}{words[1..]} ({built.UtcDateTime:yyyy-MM-dd HH:mm} UTC).";
    }
}
