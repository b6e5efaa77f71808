using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatBrief.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBrief.Core.Search;

/// <summary>
/// Passages read back from the index, remembered per index reader: decompressing stored fields was the largest cost of
/// answering, and the same passages come back question after question. A new reader (after a reindex) starts afresh,
/// since document numbers only mean something within one reader.
/// </summary>
public sealed class StoredPassageCache(int capacityPerReader = 100_000)
{
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<int, StoredPassage>> _readers = new();

    public StoredPassage Get(IndexSearcher searcher, int document)
    {
        var passages = _readers.GetValue(searcher.IndexReader, _ => new ConcurrentDictionary<int, StoredPassage>());
        if (passages.TryGetValue(document, out var cached))
        {
            return cached;
        }

        if (passages.Count >= capacityPerReader)
        {
            passages.Clear();
        }

        return passages.GetOrAdd(document, doc => IndexSchema.ToStoredPassage(searcher.Doc(doc)));
    }
}
