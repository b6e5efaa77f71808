using ChatBrief.Core.Benchmarking;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.Core.Tests.Benchmarking;

public class QueryLoadTests
{
    [Fact]
    public void Percentile_NearestRank()
    {
        var result = new QueryLoadResult(1, 100, 10, Enumerable.Range(1, 100).Select(i => (double)i).ToArray());

        Assert.Equal((50.0, 95.0, 99.0, 100.0), (result.Percentile(0.5), result.Percentile(0.95), result.Percentile(0.99), result.Percentile(1)));
        Assert.Equal(10, result.QuestionsPerSecond);
    }

    [Fact]
    public async Task RunAsync_OneThread_AsksTheQuestionsInTurnUntilTheTimeIsUp()
    {
        var clock = new FakeTimeProvider();
        var asked = new List<string>();

        var result = await QueryLoad.RunAsync(["a", "b", "c"], (q, _) =>
        {
            asked.Add(q);
            clock.Advance(TimeSpan.FromMilliseconds(400));
            return Task.CompletedTask;
        }, 1, TimeSpan.FromSeconds(2), clock, CancellationToken.None);

        Assert.Equal(["a", "b", "c", "a", "b"], asked);
        Assert.Equal((5, 2.0, 2.5), (result.Answered, result.Seconds, result.QuestionsPerSecond));
        Assert.All(result.LatenciesMs, ms => Assert.Equal(400, ms));
    }

    [Fact]
    public async Task RunAsync_NoQuestions_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => QueryLoad.RunAsync([], (_, _) => Task.CompletedTask, 1, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None));
    }
}
