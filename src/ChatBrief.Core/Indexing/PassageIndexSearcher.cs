using ChatBrief.Core.Semantic;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBrief.Core.Indexing;

/// <summary>A searcher of one commit, with that commit's passage vectors (null when the semantic layer is off or none were stored).</summary>
public sealed class PassageIndexSearcher(IndexReader reader, PassageVectors? vectors) : IndexSearcher(reader)
{
    public PassageVectors? Vectors { get; } = vectors;
}
