using System.Collections.Concurrent;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using Lucene.Net.Analysis;

namespace ChatBrief.Core.Search;

/// <summary>The analysed terms of a passage, sentence by sentence, as the ranker compares them with a question.</summary>
public sealed partial class PassageTerms
{
    private readonly StoredPassage _passage;

    // Filled sentence by sentence as questions ask: a passage comes back question after question, and these scans of its
    // text were a large part of ranking it.
    private readonly IReadOnlyList<string>?[]?[] _wordsOfType = new IReadOnlyList<string>?[]?[Enum.GetValues<AnswerType>().Length];
    private readonly List<AnalyzedToken>?[] _sentenceTokens;

    private PassageTerms(StoredPassage passage, IReadOnlyList<SentenceTerms> sentences, HashSet<string> all, HashSet<string> titleTerms, HashSet<string> speakerTerms, IReadOnlyList<AnalyzedToken> tokens, IReadOnlyList<HashSet<string>> sentencePairs)
    {
        _passage = passage;
        _sentenceTokens = new List<AnalyzedToken>?[passage.Sentences.Count];
        Sentences = sentences;
        SentencePairs = sentencePairs;
        All = all;
        TitleTerms = titleTerms;
        SpeakerTerms = speakerTerms;
        Tokens = tokens;
    }

    /// <summary>Terms of the names of the people who speak in the passage, analysed like the question.</summary>
    public HashSet<string> SpeakerTerms { get; }

    /// <summary>Terms of the document's title and byline.</summary>
    public HashSet<string> TitleTerms { get; }

    public IReadOnlyList<SentenceTerms> Sentences { get; }

    public HashSet<string> All { get; }

    public IReadOnlyList<AnalyzedToken> Tokens { get; }

    /// <summary>Each sentence's adjacent word pairs as written (see <see cref="WordPairs"/>).</summary>
    public IReadOnlyList<HashSet<string>> SentencePairs { get; }

    /// <summary>A sentence's words of an answer type (<see cref="AnswerTypes.WordsOfType"/>).</summary>
    public IReadOnlyList<string> WordsOfType(AnswerType type, int sentence)
    {
        // Two questions filling the same entry compute the same words, so a lost race costs only time.
        var bySentence = _wordsOfType[(int)type] ??= new IReadOnlyList<string>?[_passage.Sentences.Count];
        return bySentence[sentence] ??= AnswerTypes.WordsOfType(type, _passage.Sentences[sentence].Of(_passage.Text));
    }

    /// <summary>The tokens that start inside a sentence, in order.</summary>
    public IReadOnlyList<AnalyzedToken> TokensOf(int sentence)
    {
        var span = _passage.Sentences[sentence];
        return _sentenceTokens[sentence] ??= Tokens.Where(t => t.StartOffset >= span.Start && t.StartOffset < span.End).ToList();
    }

    /// <summary>
    /// Adjacent word pairs as written (lower-cased, unstemmed, stop words kept): a question that reuses the source's
    /// wording ("the first since August") shares them with it exactly.
    /// </summary>
    public static HashSet<string> WordPairs(string text)
    {
        var words = Words().Matches(text.ToLowerInvariant());
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            pairs.Add(string.Concat(words[i].Value, " ", words[i + 1].Value));
        }

        return pairs;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex Words();

    public static PassageTerms Analyze(StoredPassage passage, Analyzer analyzer)
    {
        var tokens = analyzer.Tokenize(IndexSchema.Text, passage.Text);
        var sentences = passage.Sentences.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var sentence = 0;
        foreach (var token in tokens)
        {
            while (sentence < passage.Sentences.Count - 1 && token.StartOffset >= passage.Sentences[sentence + 1].Start)
            {
                sentence++;
            }

            sentences[sentence][token.Term] = sentences[sentence].GetValueOrDefault(token.Term) + 1;
        }

        // Title and byline words count as the passage's own: they say what and whose it is. A title made of the text's
        // opening words says nothing of its own, and would make the first sentence count in every passage.
        var titleTerms = passage.Metadata.TitleFromText
            ? new HashSet<string>(StringComparer.Ordinal)
            : analyzer.Tokenize(IndexSchema.Title, passage.Metadata.Title).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        if (passage.Metadata.Author is { } author)
        {
            titleTerms.UnionWith(analyzer.Tokenize(IndexSchema.Author, author).Select(t => t.Term));
        }

        var all = tokens.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        all.UnionWith(titleTerms);
        var speakerTerms = passage.Speakers.SelectMany(name => analyzer.Tokenize(IndexSchema.Text, name)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var sentencePairs = passage.Sentences.Select(span => WordPairs(span.Of(passage.Text))).ToList();
        return new PassageTerms(passage, sentences.Select(counts => new SentenceTerms(counts)).ToList(), all, titleTerms, speakerTerms, tokens, sentencePairs);
    }
}

/// <summary>How often each term occurs in one sentence, and how many terms the sentence has.</summary>
public sealed class SentenceTerms(Dictionary<string, int> counts)
{
    public IReadOnlyDictionary<string, int> Counts { get; } = counts;

    public int Length { get; } = counts.Values.Sum();

    public bool Contains(string term) => Counts.ContainsKey(term);
}

/// <summary>
/// Remembers analysed passages for one commit of the index: popular passages come back question after question,
/// and analysing them once keeps reranking cheap. Bounded at 10,000 entries: at 50,000, `bench` asking questions over
/// 100,000 passages peaked at 1.65 GB instead of 928 MB (about 18 KB an entry: terms, sentence tokens, answer-type words).
/// </summary>
public sealed class PassageTermCache(Analyzer analyzer, int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, PassageTerms> _entries = new(StringComparer.Ordinal);

    public PassageTerms Get(StoredPassage passage)
    {
        if (_entries.TryGetValue(passage.Id, out var cached))
        {
            return cached;
        }

        if (_entries.Count >= capacity)
        {
            // Crude but bounded: a full cache starts over rather than tracking recency on the hot path.
            _entries.Clear();
        }

        return _entries.GetOrAdd(passage.Id, _ => PassageTerms.Analyze(passage, analyzer));
    }
}
