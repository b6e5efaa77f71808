using System.Text.Json;

namespace ChatBrief.Tests.Cli;

/// <summary>
/// The answer-quality bar of the retrieval issue, held on the project's own questions about the seeds: the first passage
/// answers, every clearly unanswerable question abstains, and at most 1 answerable question in 20 wrongly abstains.
/// </summary>
public sealed class SeedsQuestionsTests : SeedsCliTests
{
    [Theory]
    [InlineData("seeds.jsonl")]
    [InlineData("seeds-slips.jsonl")]
    [InlineData("seeds-unanswerable.jsonl")]
    public async Task Eval_SeedsQuestionFile_MeetsTheQualityBar(string file)
    {
        var questions = Path.Combine(SeedsWorkspace.RepositoryRoot(), "tests", "questions", file);
        var answerable = File.ReadLines(questions).Count(line => !line.Contains("\"unanswerable\"", StringComparison.Ordinal));

        var result = await RunAsync("eval", "--questions", questions);

        Assert.Equal(0, result.ExitCode);
        using var metrics = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
        var root = metrics.RootElement;
        if (answerable > 0)
        {
            Assert.True(root.GetProperty("hit@1").GetDouble() >= 0.95, result.StandardOutput);
            Assert.Equal(1.0, root.GetProperty("hit@3").GetDouble());
            Assert.True(root.GetProperty("false_abstain").GetDouble() <= 0.05, result.StandardOutput);
        }

        if (answerable < File.ReadLines(questions).Count())
        {
            Assert.Equal(1.0, root.GetProperty("abstain_strict").GetDouble());
        }
    }
}
