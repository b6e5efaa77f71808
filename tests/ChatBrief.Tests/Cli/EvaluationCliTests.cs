using System.Text.Json;

namespace ChatBrief.Tests.Cli;

/// <summary><c>eval</c>, <c>bench</c> and <c>train-ranker</c> on small corpora beside the seeds, which they must leave alone.</summary>
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
            ["passages", "index_seconds", "index_passages_per_s", "embed_passages_per_s", "index_mb", "vectors_mb", "query_p50_ms", "query_p95_ms", "query_p99_ms", "qps_1", "qps_2", "peak_rss_mb"],
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

    [Fact]
    public async Task TrainRanker_SplitByTitle_ReportsTheHeldOutHalfAndWritesAModelAskCanLoad()
    {
        var corpus = Path.Combine(Workspace.Root, "corpus.jsonl");
        File.WriteAllLines(corpus,
        [
            """{"id": "n1", "title": "Nile", "text": "The Nile is the longest river in Africa, flowing north to the Mediterranean."}""",
            """{"id": "n2", "title": "Nile", "text": "The Aswan High Dam on the Nile was finished in 1970."}""",
            """{"id": "k1", "title": "Kilimanjaro", "text": "Kilimanjaro is the highest mountain in Africa, a dormant volcano in Tanzania."}""",
            """{"id": "k2", "title": "Kilimanjaro", "text": "Climbers reach the summit of Kilimanjaro in about a week."}""",
        ]);
        var questions = Path.Combine(Workspace.Root, "questions.jsonl");
        File.WriteAllLines(questions,
        [
            """{"id": "q1", "question": "Which is the longest river in Africa?", "passage_ids": ["n1"]}""",
            """{"id": "q2", "question": "When was the Aswan dam finished?", "passage_ids": ["n2"]}""",
            """{"id": "q3", "question": "Which is the highest mountain in Africa?", "passage_ids": ["k1"]}""",
            """{"id": "q4", "question": "How long does it take to climb Kilimanjaro?", "passage_ids": ["k2"]}""",
        ]);
        var model = Path.Combine(Workspace.Root, "ranker.zip");

        var trained = await RunAsync("train-ranker", "--corpus", corpus, "--questions", questions, "--split-titles", "--out", model, "--min-leaf", "1", "--trees", "10");
        var asked = await ChatBriefProcess.RunAsync(Workspace.Root, new Dictionary<string, string> { ["Search__RankingModel"] = model }, "ask", "--json", "When was the treaty signed?");

        Assert.Equal(0, trained.ExitCode);
        using var report = JsonDocument.Parse(trained.StandardOutput.Trim().Split('\n')[^1]);
        Assert.Equal(2, report.RootElement.GetProperty("training_questions").GetInt32());
        Assert.Equal(2, report.RootElement.GetProperty("holdout").GetProperty("questions").GetInt32());
        Assert.True(File.Exists(model));
        Assert.Equal(0, asked.ExitCode);
        Assert.Contains("1960", asked.StandardOutput);
    }

    [Fact]
    public async Task TrainRanker_SplitTitlesAndHoldoutTogether_FailsWithOneLineReason()
    {
        foreach (var file in new[] { "c.jsonl", "q.jsonl", "h.jsonl" })
        {
            File.WriteAllText(Path.Combine(Workspace.Root, file), "");
        }

        var result = await RunAsync("train-ranker", "--corpus", "c.jsonl", "--questions", "q.jsonl", "--split-titles", "--holdout", "h.jsonl", "--out", "m.zip");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not both", result.StandardError);
        Assert.False(File.Exists(Path.Combine(Workspace.Root, "m.zip")));
    }

    private IEnumerable<(string, DateTime)> IndexFiles() =>
        Directory.EnumerateFiles(Workspace.IndexPath).Order(StringComparer.Ordinal).Select(file => (file, File.GetLastWriteTimeUtc(file))).ToList();
}
