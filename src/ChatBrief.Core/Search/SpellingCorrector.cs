using ChatBrief.Core.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ChatBrief.Core.Search;

/// <summary>
/// Finds the word a user most likely meant when a question term never occurs in the sources: "Iwya" for Iwaya, "Senkau"
/// for Senkaku, "F35" for F-35A. Chat questions are typed fast; without this one slip turns an answerable question into
/// "the sources don't answer". An English word is never corrected: "rice" is a question about rice even when the sources
/// only say "rise".
/// </summary>
public static class SpellingCorrector
{
    // Shorter words are too often other real words one letter away ("abe" and "able"), so they are left as typed.
    private const int MinimumLetters = 4;

    // With digits a word is a model or unit name, where three characters already say much ("f35").
    private const int MinimumWithDigits = 3;

    // From this length on two slips are allowed; below it two edits reach too many unrelated words.
    private const int TwoEditsFrom = 8;

    // People rarely mistype a word's first letter, and fixing it makes the look-up cheap even on a large vocabulary.
    private const int SharedPrefix = 1;

    /// <returns>The closest term of <paramref name="field"/> (the most frequent among equally close ones), or null.</returns>
    public static string? Correct(IndexReader reader, string field, string term)
    {
        var digits = Digits(term);
        if (term.Length < (digits.Length > 0 ? MinimumWithDigits : MinimumLetters) || digits.Length == term.Length || EnglishLexicon.Shared.Contains(term))
        {
            return null;
        }

        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return null;
        }

        var maxEdits = term.Length >= TwoEditsFrom ? 2 : 1;
        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(field, term), maxEdits, SharedPrefix, transpositions: true);
        var closeness = candidates.Attributes.AddAttribute<IBoostAttribute>();
        (string Term, float Closeness, int Frequency)? best = null;
        while (candidates.MoveNext())
        {
            var text = candidates.Term.Utf8ToString();

            // A different number is a different thing (F-16 is not F-35), so a correction may only change letters.
            if (Digits(text) != digits)
            {
                continue;
            }

            var frequency = candidates.DocFreq;
            if (best is not { } b || closeness.Boost > b.Closeness || (closeness.Boost == b.Closeness && frequency > b.Frequency))
            {
                best = (text, closeness.Boost, frequency);
            }
        }

        return best?.Term;
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));
}
