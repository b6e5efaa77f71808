using System.Text.Json;

namespace ChatBrief.Tests.Cli;

/// <summary><c>eval</c> of the questions about the seeds typed as people chat (<c>tests/questions/seeds-casual.jsonl</c>).</summary>
public sealed class CasualQuestionsCliTests : SeedsCliTests
{
    /// <summary>
    /// Questions about the seeds typed as people chat ("whats the deal with the f35 crash", "jamming gps??"). They hold the
    /// level reached, which is below the bar of <see cref="SeedsQuestionsTests"/>: some casual phrasings still abstain
    /// (README, "Results").
    /// </summary>
    [Fact]
    public async Task Eval_CasualQuestions_MostAreAnsweredByTheRightPassage()
    {
        var questions = Path.Combine(SeedsWorkspace.RepositoryRoot(), "tests", "questions", "seeds-casual.jsonl");

        var result = await RunAsync("eval", "--questions", questions);

        Assert.Equal(0, result.ExitCode);
        using var metrics = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
        var root = metrics.RootElement;
        Assert.True(root.GetProperty("hit@3").GetDouble() >= 0.95, result.StandardOutput);
        Assert.True(root.GetProperty("answered_hit@1").GetDouble() >= 0.7, result.StandardOutput);
    }
}
