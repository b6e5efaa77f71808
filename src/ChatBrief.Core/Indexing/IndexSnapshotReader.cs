using System.Globalization;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// Derives what one commit holds (its sources, aliases, completions and a fresh cache of analysed passages) from that
/// commit's searcher. What never changes between commits, such as the analysed English acronyms, is kept by the reader.
/// </summary>
internal sealed class IndexSnapshotReader(Analyzer analyzer, string aliasesFile)
{
    private readonly AliasLearner _aliases = new(analyzer);

    public IndexSnapshot Read(IndexSearcher searcher)
    {
        var sources = new List<SourceSummary>();
        var vocabularies = new List<SourceVocabulary>();
        var documents = 0;
        foreach (var document in CommitSearcher.SourceDocuments(searcher))
        {
            vocabularies.Add(SourceVocabulary.Deserialize(document.Get(IndexSchema.Vocabulary)));
            sources.Add(new SourceSummary(
                document.Get(IndexSchema.Source),
                document.Get(IndexSchema.Title),
                document.Get(IndexSchema.Author) is { Length: > 0 } author ? author : null,
                document.GetField(IndexSchema.PassageCount).GetInt32Value() ?? 0));
            documents += document.GetField(IndexSchema.DocumentCount).GetInt32Value() ?? 1;
        }

        sources.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source));
        var commit = ((DirectoryReader)searcher.IndexReader).IndexCommit.UserData;
        DateTimeOffset? builtAt = commit.TryGetValue(IndexSchema.CommitBuiltAt, out var stamp)
            && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
        var aliases = BuildAliases(searcher, vocabularies);
        var suggestions = new SuggestionList(sources.Select(s => s.Title)
            .Concat(vocabularies.SelectMany(v => v.Names).GroupBy(n => n.Key).OrderByDescending(g => g.Sum(n => n.Value)).Select(g => g.Key))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList());
        return new IndexSnapshot(sources, documents, sources.Sum(s => s.Passages), builtAt, aliases, suggestions, new PassageTermCache(analyzer));
    }

    /// <summary>The commit's aliases, with the aliases file as it is now.</summary>
    public AliasTable ReadAliases(IndexSearcher searcher) => BuildAliases(
        searcher,
        CommitSearcher.SourceDocuments(searcher).Select(document => SourceVocabulary.Deserialize(document.Get(IndexSchema.Vocabulary))).ToList());

    private AliasTable BuildAliases(IndexSearcher searcher, IReadOnlyCollection<SourceVocabulary> vocabularies) =>
        _aliases.Build(vocabularies, aliasesFile, TermLookup(searcher.IndexReader));

    /// <summary>
    /// Whether a term occurs in any passage, through one reused terms enumerator: the English acronyms ask about
    /// thousands of terms, and a fresh enumerator per term (what <c>DocFreq</c> makes) was most of a refresh's cost.
    /// </summary>
    private static Func<string, bool> TermLookup(IndexReader reader)
    {
        var terms = MultiFields.GetTerms(reader, IndexSchema.Text)?.GetEnumerator();
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        return term => terms is not null && (known.TryGetValue(term, out var used) ? used : known[term] = terms.SeekExact(new BytesRef(term)));
    }
}
