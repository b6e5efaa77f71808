using System.Text.Json;

namespace ChatBrief.Tests.Cli;

/// <summary><c>eval</c> and <c>bench</c> on the seeds and on small corpora beside them, which they must leave alone.</summary>
public sealed class EvaluationCliTests : SeedsCliTests
{
    [Fact]
    public async Task Eval_QuestionFile_PrintsMetricsOnTheLastLineAndWritesResults()
    {
        var questions = Path.Combine(Workspace.Root, "questions.jsonl");
        File.WriteAllLines(questions,
        [
            """{"id": "a", "question": "When was the US-Japan Security Treaty signed?", "answers": ["signed in 1960"]}""",
            """{"id": "b", "question": "Who won the 2018 World Cup?", "answers": [], "unanswerable": "strict"}""",
        ]);
        var results = Path.Combine(Workspace.Root, "results.jsonl");

        var result = await RunAsync("eval", "--questions", questions, "--out", results);

        Assert.Equal(0, result.ExitCode);
        using var metrics = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
        Assert.Equal(2, metrics.RootElement.GetProperty("questions").GetInt32());
        Assert.Equal(1.0, metrics.RootElement.GetProperty("hit@1").GetDouble());
        Assert.Equal(1.0, metrics.RootElement.GetProperty("abstain_strict").GetDouble());
        Assert.True(metrics.RootElement.TryGetProperty("ms_per_question", out _));
        Assert.Equal(2, File.ReadAllLines(results).Length);
    }

    [Fact]
    public async Task Eval_Corpus_IndexesItInATemporaryIndex()
    {
        var corpus = Path.Combine(Workspace.Root, "corpus.jsonl");
        File.WriteAllLines(corpus,
        [
            """{"id": "p1", "title": "Rivers", "text": "The Nile is the longest river in Africa."}""",
            """{"id": "p2", "title": "Mountains", "text": "Kilimanjaro is the highest mountain in Africa."}""",
        ]);
        var questions = Path.Combine(Workspace.Root, "questions.jsonl");
        File.WriteAllLines(questions, ["""{"id": "q", "question": "Which is the highest mountain in Africa?", "answers": ["Kilimanjaro"], "passage_ids": ["p2"]}"""]);
        var seedsIndex = IndexFiles();

        var result = await RunAsync("eval", "--corpus", corpus, "--questions", questions, "--baseline");

        Assert.Equal(0, result.ExitCode);
        using var metrics = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
        Assert.Equal(1.0, metrics.RootElement.GetProperty("hit@1").GetDouble());
        Assert.Equal(1.0, metrics.RootElement.GetProperty("baseline").GetProperty("hit@1").GetDouble());
        Assert.Equal(seedsIndex, IndexFiles());
    }

    [Fact]
    public async Task Bench_GrowsTheCorpusIndexesItApartAndPrintsTheFigures()
    {
        var corpus = Path.Combine(Workspace.Root, "corpus.jsonl");
        File.WriteAllLines(corpus,
        [
            """{"id": "p1", "title": "Rivers", "text": "The Nile is the longest river in Africa. It flows north."}""",
            """{"id": "p2", "title": "Mountains", "text": "Kilimanjaro is the highest mountain in Africa."}""",
        ]);
        var questions = Path.Combine(Workspace.Root, "questions.jsonl");
        File.WriteAllLines(questions, ["""{"id": "q", "question": "Which is the highest mountain in Africa?"}"""]);
        var written = Path.Combine(Workspace.Root, "grown.jsonl");
        var seedsIndex = IndexFiles();

        var result = await RunAsync("bench", "--corpus", corpus, "--questions", questions, "--passages", "40", "--seconds", "1", "--threads", "1,2", "--lexical-only", "--write-corpus", written);

        Assert.Equal(0, result.ExitCode);
        using var figures = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
        var root = figures.RootElement;
        Assert.Equal(40, root.GetProperty("passages").GetInt32());
        Assert.Equal(
            ["passages", "index_seconds", "index_passages_per_s", "index_cpu_seconds", "embed_passages_per_s", "index_mb", "vectors_mb", "query_p50_ms", "query_p95_ms", "query_p99_ms", "qps_1", "qps_2", "peak_rss_mb"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("qps_1").GetDouble() > 0);
        Assert.Equal(0, root.GetProperty("vectors_mb").GetDouble());
        Assert.Equal(40, File.ReadLines(written).Count());
        Assert.Equal(seedsIndex, IndexFiles());
    }

    [Fact]
    public async Task Bench_BadThreadList_SaysWhatItTakes()
    {
        File.WriteAllText(Path.Combine(Workspace.Root, "c.jsonl"), "");
        File.WriteAllText(Path.Combine(Workspace.Root, "q.jsonl"), "");

        var result = await RunAsync("bench", "--corpus", "c.jsonl", "--questions", "q.jsonl", "--threads", "1,x");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--threads takes whole numbers from 1 to 256 separated by commas, such as 1,2, not '1,x'.", result.StandardError);
    }

    [Fact]
    public async Task Bench_EmptyQuestionFile_SaysSoInOneLine()
    {
        File.WriteAllText(Path.Combine(Workspace.Root, "c.jsonl"), """{"id": "p1", "title": "T", "text": "Some text."}""");
        File.WriteAllText(Path.Combine(Workspace.Root, "q.jsonl"), "");

        var result = await RunAsync("bench", "--corpus", "c.jsonl", "--questions", "q.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("chatbrief: The question file holds no questions.", result.StandardError.Trim());
    }

    private IEnumerable<(string, DateTime)> IndexFiles() =>
        Directory.EnumerateFiles(Workspace.IndexPath).Order(StringComparer.Ordinal).Select(file => (file, File.GetLastWriteTimeUtc(file))).ToList();
}
