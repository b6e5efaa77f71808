using System.Text;

namespace ChatBrief.Teams.Messages;

/// <summary>Makes literal text safe for the two places Teams interprets text: card text runs and markdown fallbacks.</summary>
internal static class CardText
{
    private const string MarkdownSpecials = "\\`*_{}[]()<>#+-.!|~&";

    /// <summary>
    /// For <c>TextRun</c>s, which take no markdown: only the <c>{{DATE(...)}}</c>/<c>{{TIME(...)}}</c> functions that Adaptive
    /// Card renderers expand are left, so a zero-width space splits the braces; the text reads the same.
    /// </summary>
    public static string ForTextRun(string text) => text.Replace("{{", "{\u200B{", StringComparison.Ordinal);

    /// <summary>For text that a client renders as markdown (the card's fallback): every markdown punctuation mark is backslash-escaped.</summary>
    public static string ForMarkdown(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (MarkdownSpecials.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
