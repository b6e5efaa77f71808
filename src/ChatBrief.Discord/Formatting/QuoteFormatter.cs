using System.Text;

namespace ChatBrief.Discord.Formatting;

/// <summary>
/// Renders a quoted passage for Discord: escaped so it reads literally, its best sentence in bold, and, when it is too
/// long, cut at sentence boundaries around the best sentence with "..." marking each side that was left out.
/// </summary>
internal static class QuoteFormatter
{
    public static string Format(string text, string? bestSentence, int maxLength)
    {
        var best = bestSentence?.Trim() ?? "";
        var at = best.Length > 0 ? text.IndexOf(best, StringComparison.Ordinal) : -1;
        if (at < 0)
        {
            return TextFitter.Fit(text, maxLength, DiscordMarkdown.Escape);
        }

        var before = TextFitter.Sentences(text[..at]);
        var after = TextFitter.Sentences(text[(at + best.Length)..]);
        string Render(int takenBefore, int takenAfter)
        {
            var rendered = new StringBuilder();
            if (takenBefore < before.Count)
            {
                rendered.Append(TextFitter.Omission).Append(' ');
            }

            rendered.Append(DiscordMarkdown.Escape(string.Concat(before.Skip(before.Count - takenBefore))));
            rendered.Append(DiscordMarkdown.Bold(DiscordMarkdown.Escape(best)));
            rendered.Append(DiscordMarkdown.Escape(string.Concat(after.Take(takenAfter))).TrimEnd());
            if (takenAfter < after.Count)
            {
                rendered.Append(' ').Append(TextFitter.Omission);
            }

            return rendered.ToString();
        }

        if (Render(0, 0).Length > maxLength)
        {
            return BestSentenceAlone(best, before.Count > 0, after.Count > 0, maxLength);
        }

        // Reading on is more useful than reading back, so the window grows forwards first.
        int takeBefore = 0, takeAfter = 0;
        while (takeAfter < after.Count && Render(takeBefore, takeAfter + 1).Length <= maxLength)
        {
            takeAfter++;
        }

        while (takeBefore < before.Count && Render(takeBefore + 1, takeAfter).Length <= maxLength)
        {
            takeBefore++;
        }

        return Render(takeBefore, takeAfter);
    }

    private static string BestSentenceAlone(string best, bool textBefore, bool textAfter, int maxLength)
    {
        var prefix = textBefore ? TextFitter.Omission + " " : "";
        var suffix = " " + TextFitter.Omission;
        var bold = TextFitter.Fit(best, maxLength - prefix.Length - (textAfter ? suffix.Length : 0), s => DiscordMarkdown.Bold(DiscordMarkdown.Escape(s)));
        var wasCut = bold.EndsWith(suffix, StringComparison.Ordinal);
        return prefix + bold + (textAfter && !wasCut ? suffix : "");
    }
}
