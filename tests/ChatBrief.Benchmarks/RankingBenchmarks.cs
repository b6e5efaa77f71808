using BenchmarkDotNet.Attributes;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Search;

namespace ChatBrief.Benchmarks;

/// <summary>Ordering the candidates of one question by the ranking models, and for scale, the whole answer.</summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private const int Candidates = 40;

    private SeedsIndex _seeds = null!;
    private PassageRanker _ranker = null!;
    private IReadOnlyList<CandidateEvidence> _candidates = [];

    [GlobalSetup]
    public void Setup()
    {
        _seeds = SeedsIndex.Open();
        _ranker = new PassageRanker(_seeds.Ranking);
        using var lease = _seeds.Index.Acquire();
        var (_, evidence) = new CandidateCollector(_seeds.Index.Analyzer, _seeds.Index.Embedder).CollectAsync(lease, SeedsIndex.Question, 1000, Candidates).GetAwaiter().GetResult();
        if (evidence.Count == 0 || lease.Searcher.Vectors is null)
        {
            throw new InvalidOperationException("The seeds index gave no candidates with vectors; delete the chatbrief-benchmarks folder in the temp folder and run again.");
        }

        // The seeds hold 32 passages; their evidence is repeated up to the 40 candidates a larger corpus gives.
        _candidates = [.. Enumerable.Range(0, Candidates).Select(i => evidence[i % evidence.Count])];
    }

    [GlobalCleanup]
    public void Cleanup() => _seeds.Dispose();

    /// <summary>40 candidates with their 34 features through the semantic and lexical models, then the rules.</summary>
    [Benchmark]
    public IReadOnlyList<RankedPassage> Rank40Candidates() => _ranker.Rank(_candidates);

    /// <summary>The whole in-process answer (parse, BM25, embedding, vectors, features, ranking, abstention): what the doors wrap.</summary>
    [Benchmark]
    public Answer AnswerQuestion() => _seeds.Answers.AskAsync(new AskRequest(SeedsIndex.Question, 3)).GetAwaiter().GetResult();
}
