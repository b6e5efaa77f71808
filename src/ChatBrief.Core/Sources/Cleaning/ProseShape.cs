namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>Cheap tests of what a piece of text looks like: a finished sentence, a continuation, a menu entry.</summary>
internal static class ProseShape
{
    private const int MaxNavigationWords = 8;
    private const int MaxNavigationChars = 80;

    /// <summary>Ends like a sentence: terminal punctuation, possibly followed by closing quotes or brackets, or a closing quote.</summary>
    public static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (IsClosingQuote(trimmed[^1]))
        {
            return true;
        }

        // "(... in 2013.)" and "[and so on.]" end where their inner punctuation does.
        trimmed = trimmed.TrimEnd(')', ']', '}');
        return trimmed.Length > 0 && (trimmed[^1] is '.' or '!' or '?' or '…' or ':' || IsClosingQuote(trimmed[^1]));
    }

    /// <summary>Starts with a lower-case letter, as the second half of a paragraph cut by a page break does.</summary>
    public static bool StartsInLowerCase(string text) => text.Length > 0 && char.IsLower(text[0]);

    /// <summary>
    /// A short line that is not a sentence and does not continue one: a menu entry, a tag, a name, a page number.
    /// Prose paragraphs end with punctuation; continuations of a broken sentence start in lower case.
    /// </summary>
    public static bool LooksLikeNavigation(string line) =>
        line.Length <= MaxNavigationChars
        && WordCount(line) <= MaxNavigationWords
        && !EndsSentence(line)
        && !StartsInLowerCase(line);

    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    public static bool IsClosingQuote(char c) => c is '”' or '’' or '"' or '\'' or '»';
}
