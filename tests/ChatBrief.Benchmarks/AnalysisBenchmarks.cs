using BenchmarkDotNet.Attributes;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Search;
using Lucene.Net.Analysis.TokenAttributes;

namespace ChatBrief.Benchmarks;

/// <summary>What every question pays before any search: analysing text and parsing the question against the index.</summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private readonly ChatBriefAnalyzer _analyzer = new();
    private SeedsIndex _seeds = null!;
    private IndexLease _lease = null!;
    private QuestionParser _parser = null!;
    private string _passage = "";

    [GlobalSetup]
    public void Setup()
    {
        _seeds = SeedsIndex.Open();
        _lease = _seeds.Index.Acquire();
        _parser = new QuestionParser(_seeds.Index.Analyzer);
        // The passage that answers the question: a real seeds paragraph of ordinary length.
        _passage = _seeds.Answers.AskAsync(new AskRequest(SeedsIndex.Question, 1)).GetAwaiter().GetResult().Results[0].Text;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _lease.Dispose();
        _seeds.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>One seeds paragraph through <see cref="ChatBriefAnalyzer"/>, token by token, as indexing does.</summary>
    [Benchmark]
    public int AnalysePassage()
    {
        using var stream = _analyzer.GetTokenStream("text", _passage);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var length = 0;
        while (stream.IncrementToken())
        {
            length += term.Length;
        }

        stream.End();
        return length;
    }

    /// <summary>The question's terms, weights, aliases and corrections, as every search starts.</summary>
    [Benchmark]
    public ParsedQuestion ParseQuestion() => _parser.Parse(SeedsIndex.Question, 1000, _lease.Searcher, _lease.Snapshot.Aliases);
}
