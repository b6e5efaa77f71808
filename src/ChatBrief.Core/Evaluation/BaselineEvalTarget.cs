using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Passages;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace ChatBrief.Core.Evaluation;

/// <summary>
/// The reference a team would get from plain Lucene: the same passages indexed in memory with the stock EnglishAnalyzer
/// and BM25 defaults, queried with the question's analysed words. No reranking, no abstention.
/// </summary>
public sealed class BaselineEvalTarget : IEvalTarget, IDisposable
{
    private readonly EnglishAnalyzer _analyzer = new(ChatBriefAnalyzer.Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public BaselineEvalTarget(IEnumerable<Passage> passages)
    {
        var config = new IndexWriterConfig(ChatBriefAnalyzer.Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var passage in passages)
            {
                writer.AddDocument(new Document
                {
                    new StringField(IndexSchema.Id, passage.Id, Field.Store.YES),
                    new StringField(IndexSchema.Source, passage.Source, Field.Store.YES),
                    new StoredField(IndexSchema.Number, passage.Number),
                    new TextField(IndexSchema.Text, passage.Text, Field.Store.YES),
                });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public Task<EvalAnswer> AnswerAsync(string question, int top, CancellationToken cancellationToken)
    {
        var query = new BooleanQuery();
        foreach (var term in _analyzer.Tokenize(IndexSchema.Text, question).Select(t => t.Term).Distinct().Take(BooleanQuery.MaxClauseCount))
        {
            query.Add(new TermQuery(new Term(IndexSchema.Text, term)), Occur.SHOULD);
        }

        var results = _searcher.Search(query, top).ScoreDocs.Select((hit, i) =>
        {
            var document = _searcher.Doc(hit.Doc);
            return new EvalResult(i + 1, document.Get(IndexSchema.Id), document.Get(IndexSchema.Source), document.GetField(IndexSchema.Number).GetInt32Value() ?? 0, document.Get(IndexSchema.Text), hit.Score);
        }).ToList();
        return Task.FromResult(new EvalAnswer(false, results, null));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
