using ChatBrief.Core.Analysis;
using ChatBrief.Core.Search;
using Lucene.Net.Search;

namespace ChatBrief.Core.Indexing;

/// <summary>What one commit of the index holds, read once when the searcher is (re)opened.</summary>
/// <param name="Sources">The indexed source files, sorted by path.</param>
/// <param name="Passages">How many passages can be found.</param>
/// <param name="BuiltAt">When the commit was written.</param>
/// <param name="Aliases">Acronyms and aliases learnt from the sources and the moderators' aliases file.</param>
/// <param name="Suggestions">Completions for partly typed questions.</param>
/// <param name="PassageTerms">Analysed passages of this commit, shared by all questions.</param>
public sealed record IndexSnapshot(
    IReadOnlyList<SourceSummary> Sources,
    int Documents,
    int Passages,
    DateTimeOffset? BuiltAt,
    AliasTable Aliases,
    SuggestionList Suggestions,
    PassageTermCache PassageTerms)
{
    /// <summary>Passages of this commit with a vector.</summary>
    public int PassagesWithVectors { get; init; }
}

/// <summary>
/// A searcher borrowed from the index manager, with its own commit's snapshot; dispose it to give it back so that old
/// commits can be released.
/// </summary>
public sealed class IndexLease(SearcherManager manager, CommitSearcher searcher) : IDisposable
{
    private SearcherManager? _manager = manager;

    public CommitSearcher Searcher { get; } = searcher;

    public IndexSnapshot Snapshot => Searcher.Snapshot;

    public void Dispose()
    {
        Interlocked.Exchange(ref _manager, null)?.Release(Searcher);
    }
}

/// <summary>Thrown when a search is asked of an index that has not been opened or built yet.</summary>
public sealed class IndexNotReadyException() : InvalidOperationException("The index is not ready yet; it is still being built from the sources.");
