using System.Text.Json;

namespace ChatBrief.Tests.Cli;

/// <summary><c>train-ranker</c> on a small corpus beside the seeds, and <c>ask</c> with the model it wrote.</summary>
public sealed class TrainRankerCliTests : SeedsCliTests
{
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
}
