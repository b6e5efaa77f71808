using System.Text;

namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>The one place where raw text is made quotable: line endings, odd spaces and invisible characters.</summary>
internal static class WhitespaceNormalizer
{
    /// <summary>Splits text into lines whatever the line-ending convention; a form feed (page break) counts as a blank line.</summary>
    public static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n")
            .Replace('\r', '\n')
            .Replace('\u2028', '\n')
            .Replace("\u2029", "\n\n")
            .Replace("\f", "\n\n")
            .Split('\n');

    public static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line) || Normalize(line).Length == 0;

    /// <summary>
    /// Every run of whitespace (tabs, non-breaking and other Unicode spaces, line breaks) becomes one space, so that a quote
    /// matches the source however it was typed; invisible characters that would break word matching are removed.
    /// Punctuation, including curly quotes and dashes, is kept as the author wrote it.
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Zero-width spaces, soft hyphens and byte-order marks split words invisibly; control characters are never prose.
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u00AD' or '\uFEFF' or '\u2060' || (char.IsControl(c) && !char.IsWhiteSpace(c));
}
