using System.Text.RegularExpressions;
using ChatBrief.Core.Passages;

namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>
/// A readable title for a document that has none: the file name when a person chose it ("q3-planning-notes.md" ->
/// "Q3 planning notes"), else the opening words of its first sentence, since names like "000_a0faeb7ade4ac0d7.txt" say nothing.
/// </summary>
internal static partial class TitleFallback
{
    private const int MaxTitleLength = 70;
    private const int MinTitleLengthBeforeQuote = 20;

    /// <returns>The title, and whether it was taken from the text's opening words.</returns>
    public static (string Title, bool FromText) For(string source, IReadOnlyList<string> paragraphs)
    {
        var fromName = FromFileName(source);
        if (fromName is not null)
        {
            return (fromName, false);
        }

        var opening = paragraphs.Count > 0 ? FromOpeningWords(paragraphs[0]) : null;
        return opening is null ? (Path.GetFileName(source), false) : (opening, true);
    }

    /// <summary>The file name as words, or null when it is a generated id or a single generic word.</summary>
    public static string? FromFileName(string source)
    {
        var stem = Path.GetFileNameWithoutExtension(source);
        var words = NameSeparators().Split(LeadingSequenceNumber().Replace(stem, string.Empty))
            .Where(word => word.Length > 0)
            .ToList();
        if (words.Count < 2 || words.Any(LooksGenerated) || !words.Any(word => word.Count(char.IsLetter) >= 3))
        {
            return null;
        }

        var title = string.Join(' ', words);
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    /// <summary>The first sentence, cut at a word boundary with an ellipsis when it is long.</summary>
    public static string? FromOpeningWords(string paragraph)
    {
        var sentences = SentenceSplitter.Split(paragraph);
        if (sentences.Count == 0)
        {
            return null;
        }

        var sentence = sentences[0].Of(paragraph);
        if (sentence.Length <= MaxTitleLength)
        {
            return WithoutUnmatchedOpeningQuote(sentence.TrimEnd('.'));
        }

        var cut = sentence.LastIndexOf(' ', MaxTitleLength);
        var words = cut > 0 ? sentence[..cut] : sentence[..MaxTitleLength];
        return Shortened(WithoutOpenQuotation(words));
    }

    private static string Shortened(string words) => words.TrimEnd(',', ';', ':', '-', '–', '—', ' ') + "…";

    // A cut made inside a quotation would open a quote it never closes: the title stops before the quotation, or
    // loses the lone mark when the sentence itself opens with it.
    private static string WithoutOpenQuotation(string words)
    {
        var open = UnclosedQuoteIndex(words);
        return open switch
        {
            < 0 => words,
            0 => words[1..],
            >= MinTitleLengthBeforeQuote => words[..open],
            _ => words,
        };
    }

    private static int UnclosedQuoteIndex(string words)
    {
        var curly = words.LastIndexOf('“');
        if (curly >= 0 && words.IndexOf('”', curly) < 0)
        {
            return curly;
        }

        return words.Count(c => c == '"') % 2 == 1 ? words.LastIndexOf('"') : -1;
    }

    // A whole first sentence that is itself a quotation keeps its words but loses the lone opening mark.
    private static string WithoutUnmatchedOpeningQuote(string title)
    {
        var opensCurly = title.StartsWith('“') && !title.Contains('”');
        var opensStraight = title.StartsWith('"') && title.Count(c => c == '"') % 2 == 1;
        return opensCurly || opensStraight ? title[1..] : title;
    }

    // Hashes and ids: long runs mixing letters and digits, or long hexadecimal strings.
    private static bool LooksGenerated(string word) =>
        (word.Length >= 6 && word.Any(char.IsDigit) && word.Any(char.IsLetter))
        || (word.Length >= 8 && word.All(char.IsAsciiHexDigit));

    [GeneratedRegex(@"^\d+(?=[-_ .])")]
    private static partial Regex LeadingSequenceNumber();

    [GeneratedRegex(@"[-_ .]+")]
    private static partial Regex NameSeparators();
}
