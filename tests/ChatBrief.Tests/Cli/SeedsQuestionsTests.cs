using System.Text.Json;

namespace ChatBrief.Tests.Cli;

/// <summary>
/// The answer-quality bar of the retrieval issue, held on the project's own questions about the seeds: the first passage
/// answers, every clearly unanswerable question abstains, and at most 1 answerable question in 20 wrongly abstains.
/// </summary>
public sealed class SeedsQuestionsTests : IAsyncLifetime
{
    private SeedsWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await SeedsWorkspace.WithIndexAsync("chatbrief-seeds-questions");

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("seeds.jsonl")]
    [InlineData("seeds-slips.jsonl")]
    [InlineData("seeds-unanswerable.jsonl")]
    public async Task Eval_SeedsQuestionFile_MeetsTheQualityBar(string file)
    {
        var questions = Path.Combine(SeedsWorkspace.RepositoryRoot(), "tests", "questions", file);
        var answerable = File.ReadLines(questions).Count(line => !line.Contains("\"unanswerable\"", StringComparison.Ordinal));

        var result = await ChatBriefProcess.RunAsync(_workspace.Root, "eval", "--questions", questions);

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

    /// <summary>
    /// Questions about the seeds typed as people chat ("whats the deal with the f35 crash", "jamming gps??"). They hold the
    /// level reached, which is below the bar above: some casual phrasings still abstain (README, "Results").
    /// </summary>
    [Fact]
    public async Task Eval_CasualQuestions_MostAreAnsweredByTheRightPassage()
    {
        var questions = Path.Combine(SeedsWorkspace.RepositoryRoot(), "tests", "questions", "seeds-casual.jsonl");

        var result = await ChatBriefProcess.RunAsync(_workspace.Root, "eval", "--questions", questions);

        Assert.Equal(0, result.ExitCode);
        using var metrics = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
        var root = metrics.RootElement;
        Assert.True(root.GetProperty("hit@3").GetDouble() >= 0.95, result.StandardOutput);
        Assert.True(root.GetProperty("answered_hit@1").GetDouble() >= 0.7, result.StandardOutput);
    }
}
