namespace ChatBrief.Core.Search;

/// <summary>Completions for a partly typed question: source titles and the names the sources use most.</summary>
public sealed class SuggestionList(IReadOnlyList<string> entries)
{
    public static SuggestionList Empty { get; } = new([]);

    public IReadOnlyList<string> Entries { get; } = entries;

    /// <summary>Entries that start with the prefix first, then entries with a word that starts with its last word.</summary>
    public IReadOnlyList<string> Complete(string prefix, int max)
    {
        prefix = prefix.Trim();
        if (prefix.Length == 0)
        {
            return Entries.Take(max).ToList();
        }

        var lastWord = prefix.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var starting = Entries.Where(e => e.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        var containing = Entries.Where(e => e.Split(' ').Any(w => w.StartsWith(lastWord, StringComparison.OrdinalIgnoreCase)));
        return starting.Concat(containing).Distinct(StringComparer.Ordinal).Take(max).ToList();
    }
}
