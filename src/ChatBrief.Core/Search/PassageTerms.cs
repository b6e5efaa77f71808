using System.Collections.Concurrent;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using Lucene.Net.Analysis;

namespace ChatBrief.Core.Search;

/// <summary>The analysed terms of a passage, sentence by sentence, as the ranker compares them with a question.</summary>
public sealed class PassageTerms
{
    private PassageTerms(IReadOnlyList<HashSet<string>> sentences, HashSet<string> all, IReadOnlyList<AnalyzedToken> tokens)
    {
        Sentences = sentences;
        All = all;
        Tokens = tokens;
    }

    public IReadOnlyList<HashSet<string>> Sentences { get; }

    public HashSet<string> All { get; }

    public IReadOnlyList<AnalyzedToken> Tokens { get; }

    public static PassageTerms Analyze(StoredPassage passage, Analyzer analyzer)
    {
        var tokens = analyzer.Tokenize(IndexSchema.Text, passage.Text);
        var sentences = passage.Sentences.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var sentence = 0;
        foreach (var token in tokens)
        {
            while (sentence < passage.Sentences.Count - 1 && token.StartOffset >= passage.Sentences[sentence + 1].Start)
            {
                sentence++;
            }

            sentences[sentence].Add(token.Term);
        }

        // Title and byline words count as the passage's own: they say what and whose it is.
        var all = tokens.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        all.UnionWith(analyzer.Tokenize(IndexSchema.Title, passage.Metadata.Title).Select(t => t.Term));
        if (passage.Metadata.Author is { } author)
        {
            all.UnionWith(analyzer.Tokenize(IndexSchema.Author, author).Select(t => t.Term));
        }

        return new PassageTerms(sentences, all, tokens);
    }
}

/// <summary>
/// Remembers analysed passages for one commit of the index: popular passages come back question after question,
/// and analysing them once keeps reranking cheap.
/// </summary>
public sealed class PassageTermCache(Analyzer analyzer, int capacity = 50_000)
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
