using System.Text.Json.Serialization;
using ChatBrief.Core.Search;

namespace ChatBrief.Core.Evaluation;

/// <summary>One line of a question file (docs/CONTRACTS.md, "Question files").</summary>
public sealed record EvalQuestion(
    string Id,
    string Question,
    IReadOnlyList<string>? Answers,
    [property: JsonPropertyName("passage_ids")] IReadOnlyList<string>? PassageIds,
    string? Unanswerable,
    [property: JsonPropertyName("answer_starts")] IReadOnlyList<int>? AnswerStarts)
{
    public bool IsUnanswerable => Unanswerable is "strict" or "soft";
}

/// <summary>One line of the <c>--out</c> file (docs/CONTRACTS.md, "eval result lines").</summary>
public sealed record EvalResultLine(string Id, bool Abstained, IReadOnlyList<EvalResult> Results)
{
    /// <summary>Why ChatBrief abstained (not written when it answered).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AbstentionReason { get; init; }

    /// <summary>What the abstention model read of the best passage (not written without vectors or for the baseline).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnswerEvidence? Evidence { get; init; }
}

public sealed record EvalResult(int Rank, string Id, string Source, int Passage, string Text, double Score);

/// <summary>The metrics line <c>eval</c> prints last.</summary>
public sealed record EvalMetrics(
    int Questions,
    [property: JsonPropertyName("hit@1")] double HitAt1,
    [property: JsonPropertyName("hit@3")] double HitAt3,
    [property: JsonPropertyName("hit@10")] double HitAt10,
    [property: JsonPropertyName("mrr@10")] double MrrAt10,
    [property: JsonPropertyName("abstain_strict")] double AbstainStrict,
    [property: JsonPropertyName("abstain_soft")] double AbstainSoft,
    [property: JsonPropertyName("false_abstain")] double FalseAbstain,
    [property: JsonPropertyName("ms_per_question")] double MsPerQuestion)
{
    /// <summary>Share of answerable questions whose first result is a hit and that were not abstained on: what a user sees.</summary>
    [JsonPropertyName("answered_hit@1")]
    public double? AnsweredHitAt1 { get; init; }

    /// <summary>Share of questions whose first result is a hit and whose best sentence holds a gold answer offset.</summary>
    [JsonPropertyName("best_sentence@1")]
    public double? BestSentenceAt1 { get; init; }

    /// <summary>Median time to answer one question, in milliseconds (questions run as many at a time as there are cores).</summary>
    [JsonPropertyName("latency_p50_ms")]
    public double? LatencyP50 { get; init; }

    /// <summary>The time 99% of questions are answered within, in milliseconds.</summary>
    [JsonPropertyName("latency_p99_ms")]
    public double? LatencyP99 { get; init; }

    /// <summary>Seconds to build the evaluation index (with <c>--corpus</c>).</summary>
    [JsonPropertyName("index_seconds")]
    public double? IndexSeconds { get; init; }

    /// <summary>The same metrics for plain BM25 with Lucene's EnglishAnalyzer (with <c>--baseline</c>).</summary>
    [JsonPropertyName("baseline")]
    public EvalMetrics? Baseline { get; init; }
}
