using System.Buffers;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ChatBrief.Core.Analysis;

/// <summary>
/// The analysis chain for news and briefing text, used for both passages and questions so that they meet:
/// <list type="bullet">
/// <item>curly quotes, apostrophes and dashes are folded first, so <c>Japan’s</c> loses its possessive like <c>Japan's</c>;</item>
/// <item><c>2+2</c>, <c>2 + 2</c> and <c>two-plus-two</c> become the same tokens;</item>
/// <item>whitespace tokens are split and re-joined by <see cref="WordDelimiterFilter"/>, so <c>F-35A</c>, <c>F35A</c> and
/// <c>F-35</c> share <c>f</c>+<c>35</c>, and <c>U.S.</c> indexes <c>us</c> as people type it;</item>
/// <item>case and accents are folded, English stop words dropped, and words stemmed with Porter.</item>
/// </list>
/// </summary>
public sealed class ChatBriefAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private const string Apostrophes = "\u2019\u2018\u02BC\u2032`";
    private const string Dashes = "\u2010\u2011\u2012\u2013\u2014\u2212";
    private static readonly SearchValues<char> FoldedPunctuation = SearchValues.Create(Apostrophes + Dashes);
    private static readonly NormalizeCharMap PunctuationMap = BuildPunctuationMap();

    // "2+2", "2 + 2", "two-plus-two" and "two plus two" all name the same meeting; one spelling survives tokenising.
    private static readonly Regex PlusBetweenNumbers = new(@"\b(\d)\s*\+\s*(\d)\b", RegexOptions.Compiled);
    private static readonly Regex TwoPlusTwoInWords = new(@"\btwo[\s-]+plus[\s-]+two\b", RegexOptions.Compiled | RegexOptions.IgnoreCase);

    private const WordDelimiterFlags DelimiterFlags =
        WordDelimiterFlags.GENERATE_WORD_PARTS
        | WordDelimiterFlags.GENERATE_NUMBER_PARTS
        | WordDelimiterFlags.CATENATE_WORDS
        | WordDelimiterFlags.CATENATE_NUMBERS
        | WordDelimiterFlags.CATENATE_ALL
        | WordDelimiterFlags.SPLIT_ON_NUMERICS
        | WordDelimiterFlags.STEM_ENGLISH_POSSESSIVE;

    /// <summary>Lucene's English stop set: function words that carry no topic.</summary>
    public static CharArraySet StopWords { get; } = EnglishAnalyzer.DefaultStopSet;

    protected override TextReader InitReader(string fieldName, TextReader reader)
    {
        // Every text is read whole here, as the pattern filters below would read it. Most texts have no "2+2" to
        // respell, and then folding is a one-for-one swap of characters that moves no offset: doing it directly spares
        // three char filters per field, which cost more than the rest of the analysis chain.
        var text = reader.ReadToEnd();
        var folded = FoldPunctuation(text);
        if (!folded.Contains('+') && !TwoPlusTwoInWords.IsMatch(folded))
        {
            return new StringReader(folded);
        }

        var mapped = new MappingCharFilter(PunctuationMap, new StringReader(text));
        var spelledOut = new PatternReplaceCharFilter(TwoPlusTwoInWords, "2-plus-2", mapped);
        return new PatternReplaceCharFilter(PlusBetweenNumbers, "$1-plus-$2", spelledOut);
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WhitespaceTokenizer(Version, reader);
        TokenStream stream = new WordDelimiterFilter(Version, source, DelimiterFlags, null);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, StopWords);
        // Porter rather than KStem: both rank SQuAD the same, but people paraphrase ("appreciate" for "appreciation"),
        // and only Porter conflates derived forms.
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    private static NormalizeCharMap BuildPunctuationMap()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var apostrophe in Apostrophes)
        {
            builder.Add(apostrophe.ToString(), "'");
        }

        foreach (var dash in Dashes)
        {
            builder.Add(dash.ToString(), "-");
        }

        return builder.Build();
    }

    /// <summary>What <see cref="PunctuationMap"/> does, one character for one, so that no offset moves.</summary>
    private static string FoldPunctuation(string text)
    {
        var first = text.AsSpan().IndexOfAny(FoldedPunctuation);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (folded, state) =>
        {
            state.text.AsSpan().CopyTo(folded);
            for (var i = state.first; i < folded.Length; i++)
            {
                folded[i] = Apostrophes.Contains(folded[i]) ? '\'' : Dashes.Contains(folded[i]) ? '-' : folded[i];
            }
        });
    }
}
