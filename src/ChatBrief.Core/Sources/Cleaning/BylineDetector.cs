using System.Text.RegularExpressions;

namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>Recognises a byline line ("BY BRAD GLOSSREMAN", "By Jane Doe and J. R. Smith"), which is metadata, not prose.</summary>
internal static partial class BylineDetector
{
    // Name particles and connectors are the only lower-case words a byline may hold; "By the way, ..." is prose.
    private static readonly HashSet<string> AllowedLowerCaseWords =
        new(StringComparer.Ordinal) { "and", "&", "de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "bin", "al" };

    public static bool TryRead(string line, out string author)
    {
        author = string.Empty;
        var match = BylinePattern().Match(line);
        if (!match.Success || line.Length > 100)
        {
            return false;
        }

        var names = match.Groups["names"].Value.Trim().TrimEnd(',');
        var words = names.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 10 || !words.All(IsNameWord))
        {
            return false;
        }

        author = NameCasing.Readable(names);
        return true;
    }

    private static bool IsNameWord(string word) =>
        AllowedLowerCaseWords.Contains(word) || (char.IsUpper(word[0]) && word.All(c => char.IsLetter(c) || c is '.' or '-' or '\'' or '’'));

    [GeneratedRegex(@"^(?:by|BY|By)\s*:?\s+(?<names>\S.*)$")]
    private static partial Regex BylinePattern();
}
