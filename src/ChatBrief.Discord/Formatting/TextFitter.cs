namespace ChatBrief.Discord.Formatting;

/// <summary>
/// Shortens text to a length limit the way a reader expects: at the end of a word, and always with a visible "..."
/// where text was left out. Lengths are measured after rendering (escaping adds characters), so the result always
/// fits. Quotes are cut at sentences by <see cref="QuoteFormatter"/>, from the core's sentence spans.
/// </summary>
internal static class TextFitter
{
    public const string Omission = "...";

    /// <summary>The rendering of <paramref name="text"/>, or of its longest fitting start followed by " ...".</summary>
    public static string Fit(string text, int maxLength, Func<string, string> render)
    {
        var whole = render(text);
        if (whole.Length <= maxLength)
        {
            return whole;
        }

        string Shortened(int cut) => render(text[..cut].TrimEnd()) + " " + Omission;

        foreach (var cuts in new[] { WordEnds(text), CharacterEnds(text) })
        {
            var best = LongestFitting(cuts, cut => Shortened(cut).Length <= maxLength);
            if (best > 0)
            {
                return Shortened(best);
            }
        }

        return Omission.Length <= maxLength ? Omission : "";
    }

    // Rendering length grows with the cut, so the longest fitting cut is found by binary search.
    private static int LongestFitting(IReadOnlyList<int> ascendingCuts, Func<int, bool> fits)
    {
        int low = 0, high = ascendingCuts.Count - 1, best = 0;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (fits(ascendingCuts[middle]))
            {
                best = ascendingCuts[middle];
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best;
    }

    private static List<int> WordEnds(string text) =>
        Enumerable.Range(1, Math.Max(0, text.Length - 1)).Where(i => char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1])).ToList();

    // Never cut between the two halves of a surrogate pair.
    private static List<int> CharacterEnds(string text) =>
        Enumerable.Range(1, Math.Max(0, text.Length - 1)).Where(i => !char.IsLowSurrogate(text[i])).ToList();

}
