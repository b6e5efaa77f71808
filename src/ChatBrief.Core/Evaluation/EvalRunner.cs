using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ChatBrief.Core.Search;

namespace ChatBrief.Core.Evaluation;

/// <summary>A ranked answer as evaluation sees it.</summary>
public sealed record EvalAnswer(bool Abstained, IReadOnlyList<EvalResult> Results, string? BestSentence)
{
    public string? AbstentionReason { get; init; }

    public AnswerEvidence? Evidence { get; init; }
}

/// <summary>Something that answers questions: ChatBrief itself, or the plain BM25 baseline.</summary>
public interface IEvalTarget
{
    Task<EvalAnswer> AnswerAsync(string question, int top, CancellationToken cancellationToken);
}

/// <summary>Runs a question file against a target and scores it as docs/CONTRACTS.md defines.</summary>
public static class EvalRunner
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<EvalQuestion> ReadQuestions(string path)
    {
        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var question = JsonSerializer.Deserialize<EvalQuestion>(line, Json);
                if (question is null || string.IsNullOrWhiteSpace(question.Question))
                {
                    throw new InvalidDataException($"{path}, line {lineNumber}: a question needs a non-empty \"question\".");
                }

                questions.Add(question with { Id = string.IsNullOrWhiteSpace(question.Id) ? $"line{lineNumber}" : question.Id });
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: {JsonProblem.Describe(e)}; a question is one JSON object a line, as in docs/CONTRACTS.md.");
            }
        }

        return questions;
    }

    public static async Task<(EvalMetrics Metrics, IReadOnlyList<EvalResultLine> Lines)> RunAsync(
        IReadOnlyList<EvalQuestion> questions, IEvalTarget target, int top, CancellationToken cancellationToken)
    {
        var answers = new ConcurrentDictionary<int, EvalAnswer>();
        var latencies = new double[questions.Count];
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, questions.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            answers[i] = await target.AnswerAsync(questions[i].Question, top, ct);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        var elapsed = stopwatch.Elapsed;

        var lines = new List<EvalResultLine>(questions.Count);
        var tally = new RankTally();
        double bestSentenceHits = 0;
        int answerable = 0, falseAbstain = 0, answeredHits = 0, strict = 0, strictAbstained = 0, soft = 0, softAbstained = 0, bestSentenceChecked = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var answer = answers[i];
            lines.Add(new EvalResultLine(question.Id, answer.Abstained, answer.Results) { AbstentionReason = answer.AbstentionReason, Evidence = answer.Evidence });
            switch (question.Unanswerable)
            {
                case "strict":
                    strict++;
                    strictAbstained += answer.Abstained ? 1 : 0;
                    continue;
                case "soft":
                    soft++;
                    softAbstained += answer.Abstained ? 1 : 0;
                    continue;
            }

            answerable++;
            falseAbstain += answer.Abstained ? 1 : 0;
            var firstHit = FirstHitRank(question, answer.Results);
            tally.Add(firstHit);
            answeredHits += firstHit == 1 && !answer.Abstained ? 1 : 0;
            if (firstHit == 1 && answer.BestSentence is not null)
            {
                bestSentenceChecked++;
                bestSentenceHits += BestSentenceHoldsAnswer(question, answer.Results[0], answer.BestSentence) ? 1 : 0;
            }
        }

        var metrics = new EvalMetrics(
            questions.Count,
            tally.HitAt1(answerable),
            tally.HitAt3(answerable),
            tally.HitAt10(answerable),
            tally.MrrAt10(answerable),
            RankTally.Share(strictAbstained, strict),
            RankTally.Share(softAbstained, soft),
            RankTally.Share(falseAbstain, answerable),
            questions.Count == 0 ? 0 : Math.Round(elapsed.TotalMilliseconds / questions.Count, 3))
        {
            AnsweredHitAt1 = RankTally.Share(answeredHits, answerable),
            BestSentenceAt1 = bestSentenceChecked == 0 ? null : RankTally.Share(bestSentenceHits, bestSentenceChecked),
            LatencyP50 = Percentile(latencies, 0.50),
            LatencyP99 = Percentile(latencies, 0.99),
        };
        return (metrics, lines);
    }

    /// <summary>The latency that this share of questions stays within (nearest rank), or null without questions.</summary>
    private static double? Percentile(double[] latencies, double share)
    {
        if (latencies.Length == 0)
        {
            return null;
        }

        return Math.Round(Benchmarking.Percentile.NearestRank(latencies.Order().ToArray(), share), 2);
    }

    /// <summary>1-based rank of the first hit in the top 10, or 0.</summary>
    private static int FirstHitRank(EvalQuestion question, IReadOnlyList<EvalResult> results)
    {
        for (var rank = 0; rank < Math.Min(RankTally.Depth, results.Count); rank++)
        {
            if (IsHit(question, results[rank]))
            {
                return rank + 1;
            }
        }

        return 0;
    }

    /// <summary>A gold passage id when the question names one, else a result whose text contains an answer.</summary>
    public static bool IsHit(EvalQuestion question, EvalResult result)
    {
        if (question.PassageIds is { Count: > 0 } gold)
        {
            return gold.Contains(result.Id, StringComparer.Ordinal);
        }

        var text = Fold(result.Text);
        return question.Answers?.Any(answer => answer.Length > 0 && text.Contains(Fold(answer), StringComparison.OrdinalIgnoreCase)) ?? false;
    }

    private static bool BestSentenceHoldsAnswer(EvalQuestion question, EvalResult first, string bestSentence)
    {
        if (question.AnswerStarts is { Count: > 0 } starts)
        {
            var start = first.Text.IndexOf(bestSentence, StringComparison.Ordinal);
            return start >= 0 && starts.Any(s => s >= start && s < start + bestSentence.Length);
        }

        var sentence = Fold(bestSentence);
        return question.Answers?.Any(answer => answer.Length > 0 && sentence.Contains(Fold(answer), StringComparison.OrdinalIgnoreCase)) ?? false;
    }

    /// <summary>Curly quotes and dashes to plain ones, runs of whitespace to one space (docs/CONTRACTS.md's hit rule).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var folded = c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => c,
            };
            if (folded == ' ' && lastWasSpace)
            {
                continue;
            }

            lastWasSpace = folded == ' ';
            builder.Append(folded);
        }

        return builder.ToString().Trim();
    }
}
