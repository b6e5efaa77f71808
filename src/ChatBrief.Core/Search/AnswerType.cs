using System.Text.RegularExpressions;

namespace ChatBrief.Core.Search;

/// <summary>What kind of words an answer must contain, read from the question's opening: a date, a number, a name.</summary>
public enum AnswerType
{
    Unknown,
    Time,
    Number,
    Name,
}

/// <summary>
/// Reads the expected answer type from a question and checks a sentence for a word of that type that the question does
/// not already contain: the sentence that answers "when" holds a date the question lacks.
/// </summary>
public static partial class AnswerTypes
{
    public static AnswerType Expected(string question)
    {
        var q = question.TrimStart().ToLowerInvariant();
        if (StartsWithAny(q, "when ", "what year", "which year", "what date", "what century", "what time", "in what year", "in which year", "what decade", "how long ago", "since when"))
        {
            return AnswerType.Time;
        }

        if (StartsWithAny(q, "how many", "how much", "what percentage", "what percent", "how old", "how long", "how far", "how large", "how big", "how tall", "how high", "what number", "what is the population", "what was the population"))
        {
            return AnswerType.Number;
        }

        if (StartsWithAny(q, "who ", "whom ", "whose ", "where ", "which person", "what person", "what city", "what country", "which city", "which country", "what company", "which company", "what team", "which team"))
        {
            return AnswerType.Name;
        }

        return AnswerType.Unknown;
    }

    /// <summary>True when <paramref name="sentence"/> holds a word of the type that <paramref name="question"/> lacks.</summary>
    public static bool HasNewWordOfType(AnswerType type, string sentence, string question) => type switch
    {
        AnswerType.Time => Matches(TimeWords(), sentence, question),
        AnswerType.Number => Matches(NumberWords(), sentence, question),
        AnswerType.Name => Matches(NameWords(), sentence, question, skipFirstWord: true),
        _ => false,
    };

    private static bool Matches(Regex pattern, string sentence, string question, bool skipFirstWord = false)
    {
        foreach (Match match in pattern.Matches(sentence))
        {
            if (skipFirstWord && match.Index == 0)
            {
                continue;
            }

            if (!question.Contains(match.Value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(string text, params string[] prefixes) => prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal));

    [GeneratedRegex(@"\b(?:1\d{3}|20\d{2})s?\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d+(?:st|nd|rd|th)(?:\s+(?:and|to)\s+\d+(?:st|nd|rd|th))?\s+centur(?:y|ies)\b|\b\d{1,4}\s*(?:BC|BCE|AD|CE)\b|\bAD\s*\d{1,4}\b|\b(?:century|centuries|decade|years?\s+ago)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeWords();

    [GeneratedRegex(@"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWords();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'’-]+")]
    private static partial Regex NameWords();
}
