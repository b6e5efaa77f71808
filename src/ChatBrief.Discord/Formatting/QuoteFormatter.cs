using System.Text;
using ChatBrief.Core.Passages;

namespace ChatBrief.Discord.Formatting;

/// <summary>
/// Renders a quoted passage for Discord: escaped so it reads literally, its best sentence in bold, and, when it is too
/// long, cut at sentence boundaries around the best sentence with "..." marking each side that was left out. The
/// sentences are the core's (<see cref="SentenceSplitter"/>), so a quote is cut where the core marks sentences and
/// nowhere else ("U.S." ends no sentence).
/// </summary>
internal static class QuoteFormatter
{
    /// <param name="sentences">The sentence spans of <paramref name="text"/>, in order.</param>
    /// <param name="best">Which sentence to show in bold; -1 for none (a closest match, which answers nothing).</param>
    public static string Format(string text, IReadOnlyList<TextSpan> sentences, int best, int maxLength)
    {
        if (sentences.Count == 0)
        {
            return TextFitter.Fit(text, maxLength, DiscordMarkdown.Escape);
        }

        if (best < 0 || best >= sentences.Count)
        {
            return FromTheStart(text, Following(text, sentences, 0), maxLength);
        }

        var before = Preceding(text, sentences, best);
        var bestText = sentences[best].Of(text);
        var after = Following(text, sentences, best + 1);
        string Render(int takenBefore, int takenAfter)
        {
            var rendered = new StringBuilder();
            if (takenBefore < before.Count)
            {
                rendered.Append(TextFitter.Omission).Append(' ');
            }

            rendered.Append(DiscordMarkdown.Escape(string.Concat(before.Skip(before.Count - takenBefore))));
            rendered.Append(DiscordMarkdown.Bold(DiscordMarkdown.Escape(bestText)));
            rendered.Append(DiscordMarkdown.Escape(string.Concat(after.Take(takenAfter))).TrimEnd());
            if (takenAfter < after.Count)
            {
                rendered.Append(' ').Append(TextFitter.Omission);
            }

            return rendered.ToString();
        }

        if (Render(0, 0).Length > maxLength)
        {
            return BestSentenceAlone(bestText, before.Count > 0, after.Count > 0, maxLength);
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

    /// <summary>The text before sentence <paramref name="index"/>, one piece a sentence, each with the whitespace after it.</summary>
    private static List<string> Preceding(string text, IReadOnlyList<TextSpan> sentences, int index) =>
        [.. Enumerable.Range(0, index).Select(i => text[(i == 0 ? 0 : sentences[i].Start)..sentences[i + 1].Start])];

    /// <summary>The text from sentence <paramref name="index"/> on, one piece a sentence, each with the whitespace before it.</summary>
    private static List<string> Following(string text, IReadOnlyList<TextSpan> sentences, int index) =>
        [.. Enumerable.Range(index, sentences.Count - index).Select(i =>
            text[(i == 0 ? 0 : sentences[i - 1].End)..(i == sentences.Count - 1 ? text.Length : sentences[i].End)])];

    /// <summary>As many whole sentences from the start as fit, then "..."; a first sentence too long alone is cut at a word.</summary>
    private static string FromTheStart(string text, List<string> sentences, int maxLength)
    {
        string Render(int taken) => DiscordMarkdown.Escape(string.Concat(sentences.Take(taken))).Trim() + (taken < sentences.Count ? " " + TextFitter.Omission : "");

        var take = 0;
        while (take < sentences.Count && Render(take + 1).Length <= maxLength)
        {
            take++;
        }

        return take > 0 ? Render(take) : TextFitter.Fit(text, maxLength, DiscordMarkdown.Escape);
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
