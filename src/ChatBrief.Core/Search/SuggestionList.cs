namespace ChatBrief.Core.Search;

/// <summary>Completions for a partly typed question: source titles and the names the sources use most.</summary>
public sealed partial class SuggestionList
{
    public SuggestionList(IReadOnlyList<string> entries)
    {
        // "North Korea-including" is two words the source ran together with a dash, not a name worth offering.
        Entries = entries.Where(entry => !RunTogether().IsMatch(entry)).ToList();
    }

    public static SuggestionList Empty { get; } = new([]);

    public IReadOnlyList<string> Entries { get; }

    /// <summary>
    /// The question as typed, with its last word completed: "what did iwa" gives "what did Iwaya" (from "Takeshi
    /// Iwaya"), and "secu" gives "Security Consultative Committee". Entries that start with the whole question come
    /// first. What the user typed is never replaced, so picking a completion asks their question.
    /// </summary>
    public IReadOnlyList<string> Complete(string typed, int max)
    {
        typed = typed.Trim();
        if (typed.Length == 0)
        {
            return Entries.Take(max).ToList();
        }

        var cut = typed.LastIndexOf(' ') + 1;
        var (kept, lastWord) = (typed[..cut], typed[cut..]);
        var whole = Entries.Where(entry => entry.StartsWith(typed, StringComparison.OrdinalIgnoreCase) && entry.Length > typed.Length);
        var fromLastWord = lastWord.Length == 0
            ? []
            : Entries.Select(entry => FromWordStarting(entry, lastWord)).OfType<string>().Select(rest => kept + rest);
        return whole.Concat(fromLastWord)
            .Where(completion => !completion.Equals(typed, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .ToList();
    }

    /// <summary>The entry from its first word that starts with <paramref name="prefix"/> to its end, or null.</summary>
    private static string? FromWordStarting(string entry, string prefix)
    {
        var start = 0;
        foreach (var word in entry.Split(' '))
        {
            if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return entry[start..];
            }

            start += word.Length + 1;
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\p{Lu}\p{L}*-\p{Ll}{3,}")]
    private static partial System.Text.RegularExpressions.Regex RunTogether();
}
