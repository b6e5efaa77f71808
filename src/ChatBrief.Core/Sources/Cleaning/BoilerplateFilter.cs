using System.Text.RegularExpressions;

namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>
/// Recognises a publisher's boilerplate paragraph: calls to click or subscribe, disclaimers that the views are the
/// author's own, copyright and policy notices ("Click here to request a PacNet subscription."). Such a paragraph
/// answers no question about the document yet shares its names, so it is not indexed. It must be mostly boilerplate:
/// one sentence of it inside real prose keeps the paragraph.
/// </summary>
internal static partial class BoilerplateFilter
{
    // Longer paragraphs are prose that happens to mention subscribing, not a footer.
    private const int MaxSentences = 4;

    public static bool IsBoilerplate(string paragraph)
    {
        var sentences = SentenceEnd().Split(paragraph.Trim()).Where(s => s.Length > 0).ToList();
        return sentences.Count is > 0 and <= MaxSentences && sentences.Count(s => Notice().IsMatch(s)) * 2 >= sentences.Count;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(
        @"\bclick\s+\[?here\b|\b(to|please)\s+(subscribe|sign\s+up|register)\b|\bsubscribe\s+(to|now|today)\b|\brequest\s+an?\s+[\w\s]{0,30}subscription\b|\bour\s+newsletter\b" +
        @"|\ball\s+rights\s+reserved\b|\b(represent|reflect)s?\s+(only\s+)?the\s+(personal\s+)?(views|opinions)\s+of\b|\bdo(es)?\s+not\s+necessarily\s+(reflect|represent)\b" +
        @"|\bterms\s+of\s+(use|service)\b|\bprivacy\s+policy\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notice();
}
