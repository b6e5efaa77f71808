using System.Text;

namespace ChatBrief.Discord.Formatting;

/// <summary>
/// Makes text render in Discord exactly as written. Quotes must show the source's own characters: an asterisk in a
/// document is an asterisk, not italics, and <c>&lt;@123&gt;</c> is text, not a mention.
/// </summary>
internal static class DiscordMarkdown
{
    // Discord treats a backslash before any ASCII punctuation as an escape, so escaping is always safe; these are
    // the characters that change rendering anywhere in a line (emphasis, code, spoilers, masked links, mentions, quotes).
    private const string EscapedAnywhere = "\\*_~`|<>[]";

    // Headings, subtext and lists only start at the beginning of a line ("1. " lists are handled by escaping the dot).
    private const string EscapedAtLineStart = "#-+";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        var atLineStart = true;
        var inLeadingDigits = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var startsOrderedList = inLeadingDigits && c == '.' && i + 1 < text.Length && text[i + 1] == ' ';
            if (EscapedAnywhere.Contains(c) || (atLineStart && EscapedAtLineStart.Contains(c)) || startsOrderedList)
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            inLeadingDigits = char.IsAsciiDigit(c) && (atLineStart || inLeadingDigits);
            atLineStart = c == '\n' || (atLineStart && c is ' ' or '\t');
        }

        return escaped.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>: used to read back text that ChatBrief itself wrote into a message.</summary>
    public static string Unescape(string text)
    {
        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            plain.Append(text[i]);
        }

        return plain.ToString();
    }

    public static string Bold(string escapedText) => $"**{escapedText}**";
}
