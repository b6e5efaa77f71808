using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace ChatBrief.Core.Search;

/// <summary>A word of a question that was a slip, and the analysed term searched instead.</summary>
public sealed record SpellingCorrection(string Typed, string Term);

/// <summary>
/// Finds the word a user most likely meant when a question term never occurs in the sources: "Iwya" for Iwaya, "Senkau"
/// for Senkaku, "F35" for F-35A. Chat questions are typed fast; without this one slip turns an answerable question into
/// "the sources don't answer". A slip is first matched against the sources' own terms, then, when its stem strays too far
/// from theirs ("availabilty"), against the English words as written. An English word is only ever respelled as the
/// sources spell it ("defence" as "defense"), never corrected: "rice" is a question about rice even when the sources only
/// say "rise".
/// </summary>
/// <param name="analyzer">The index's analyzer.</param>
/// <param name="askingTerms">Terms of the words questions are asked with ("wrote", "happened"): a slip in one of them is
/// worth correcting even though the sources need not contain it.</param>
public sealed class SpellingCorrector(Analyzer analyzer, IReadOnlySet<string> askingTerms)
{
    // Shorter words are too often other real words one letter away ("abe" and "able"), so they are left as typed.
    private const int MinimumLetters = 4;

    // With digits a word is a model or unit name, where three characters already say much ("f35").
    private const int MinimumWithDigits = 3;

    // From this length on two slips are allowed; below it two edits reach too many unrelated words.
    private const int TwoEditsFrom = 8;

    // People rarely mistype a word's first letter, and fixing it makes the look-up cheap even on a large vocabulary.
    private const int SharedPrefix = 1;

    private static readonly string[] InflectionEndings = ["ing", "ed", "es", "s", "d"];

    /// <param name="reader">The index whose passage text the correction must occur in.</param>
    /// <param name="term">The analysed term, which no passage contains.</param>
    /// <param name="typed">The word as the user wrote it.</param>
    /// <param name="looksLikeName">The word is capitalised inside the question. It is then only matched against the
    /// sources' terms: a name the sources never use ("Mays") must not become an English or question word ("may").</param>
    /// <returns>The passage-text term the user most likely meant (the most frequent among equally close ones), or null.</returns>
    public string? Correct(IndexReader reader, string term, string typed, bool looksLikeName)
    {
        var digits = Digits(term);
        if (term.Length < (digits.Length > 0 ? MinimumWithDigits : MinimumLetters) || digits.Length == term.Length)
        {
            return null;
        }

        if (EnglishLexicon.Shared.Contains(term))
        {
            return SpellingVariant(reader, term);
        }

        if (looksLikeName)
        {
            return FromSources(reader, term, digits);
        }

        var english = EnglishTermsNear(typed);
        return english.FirstOrDefault(askingTerms.Contains) ?? FromSources(reader, term, digits) ?? MostFrequent(reader, english);
    }

    /// <summary>The sources' spelling of an English word written another way ("defence" for "defense", "centre" for "center").</summary>
    private static string? SpellingVariant(IndexReader reader, string term)
    {
        // A synonym spelled almost alike is the same word in another spelling; "rise" is no synonym of "rice", and "people"
        // (a synonym of "population") is two edits from its stem "popul", too many for a short word.
        var nearlyAlike = new CharacterRunAutomaton(new LevenshteinAutomata(term, withTranspositions: true).ToAutomaton(MaxEdits(term)));
        return MostFrequent(reader, EnglishLexicon.Shared.SynonymsOf(term).Where(nearlyAlike.Run));
    }

    private static string? FromSources(IndexReader reader, string term, string digits)
    {
        var terms = MultiFields.GetTerms(reader, IndexSchema.Text);
        if (terms is null)
        {
            return null;
        }

        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(IndexSchema.Text, term), MaxEdits(term), SharedPrefix, transpositions: true);
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

    /// <summary>Terms of the English words closest to a typed word that is not one.</summary>
    private List<string> EnglishTermsNear(string typed)
    {
        if (typed.Length < MinimumLetters || !typed.All(char.IsAsciiLetter))
        {
            return [];
        }

        // The word list holds lemmas, not regular forms: "happeed" is found as "happe" near "happen".
        var spellings = EnglishLexicon.Shared.ClosestSpellings(typed, MaxEdits(typed));
        if (spellings.Count == 0)
        {
            spellings = InflectionEndings
                .Where(ending => typed.EndsWith(ending, StringComparison.OrdinalIgnoreCase) && typed.Length - ending.Length >= MinimumLetters)
                .SelectMany(ending => EnglishLexicon.Shared.ClosestSpellings(typed[..^ending.Length], MaxEdits(typed)))
                .ToList();
        }

        return spellings
            .Select(spelling => analyzer.Tokenize(IndexSchema.Text, spelling))
            .Where(tokens => tokens.Count == 1)
            .Select(tokens => tokens[0].Term)
            .ToList();
    }

    /// <summary>The candidate term found in the most passages, or null when no passage has any of them.</summary>
    private static string? MostFrequent(IndexReader reader, IEnumerable<string> candidates) =>
        candidates
            .Select(term => (Term: term, Frequency: reader.DocFreq(new Term(IndexSchema.Text, term))))
            .Where(candidate => candidate.Frequency > 0)
            .OrderByDescending(candidate => candidate.Frequency)
            .Select(candidate => candidate.Term)
            .FirstOrDefault();

    private static int MaxEdits(string word) => word.Length >= TwoEditsFrom ? 2 : 1;

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));
}
