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

    /// <summary>
    /// The words of <paramref name="type"/> in a sentence, in order. A name's first word is left out: it is capitalised
    /// because it starts the sentence.
    /// </summary>
    public static IReadOnlyList<string> WordsOfType(AnswerType type, string sentence)
    {
        var (pattern, skipFirstWord) = type switch
        {
            AnswerType.Time => (TimeWords(), false),
            AnswerType.Number => (NumberWords(), false),
            AnswerType.Name => (NameWords(), true),
            _ => (null, false),
        };
        if (pattern is null)
        {
            return [];
        }

        var words = new List<string>();
        foreach (var match in pattern.EnumerateMatches(sentence))
        {
            if (!skipFirstWord || match.Index > 0)
            {
                words.Add(sentence.Substring(match.Index, match.Length));
            }
        }

        return words;
    }

    /// <summary>True when one of a sentence's words of the expected type (<see cref="WordsOfType"/>) is not in <paramref name="question"/>.</summary>
    public static bool HasNewWord(IReadOnlyList<string> wordsOfType, string question) =>
        wordsOfType.Any(word => !question.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static bool StartsWithAny(string text, params string[] prefixes) => prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal));

    [GeneratedRegex(@"\b(?:1\d{3}|20\d{2})s?\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d+(?:st|nd|rd|th)(?:\s+(?:and|to)\s+\d+(?:st|nd|rd|th))?\s+centur(?:y|ies)\b|\b\d{1,4}\s*(?:BC|BCE|AD|CE)\b|\bAD\s*\d{1,4}\b|\b(?:century|centuries|decade|years?\s+ago)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeWords();

    [GeneratedRegex(@"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWords();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'’-]+")]
    private static partial Regex NameWords();
}
