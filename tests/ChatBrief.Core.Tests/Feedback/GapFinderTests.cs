using ChatBrief.Core.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBrief.Core.Tests.Feedback;

public sealed class GapFinderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly TestCorpus _corpus = new(
        new Dictionary<string, string?> { ["Search:Semantic"] = "false" },
        ("treaty.txt", "The treaty was signed in San Francisco in 1951 by forty-nine nations.\n\nIt came into force in April 1952."));

    public void Dispose() => _corpus.Dispose();

    private GapFinder Finder => _corpus.Services.GetRequiredService<GapFinder>();

    [Fact]
    public async Task FindAsync_SimilarAbstainedQuestions_FormOneGroupLargestFirst()
    {
        var log = new[]
        {
            Asked("q1", "Who designed the harbour lighthouse?", abstained: true),
            Asked("q2", "Who designed the lighthouse at the harbour?", abstained: true),
            Asked("q3", "What is the canteen menu on Friday?", abstained: true),
            Asked("q4", "Where was the treaty signed?", abstained: false),
        };

        var gaps = await Finder.FindAsync(log, CancellationToken.None);

        Assert.Equal([2, 1], gaps.Select(g => g.Asked));
        Assert.Equal(["Who designed the lighthouse at the harbour?", "Who designed the harbour lighthouse?"], gaps[0].Examples);
        Assert.All(gaps, g => Assert.False(g.Answered));
    }

    [Fact]
    public async Task FindAsync_DownVotedQuestion_ShowsTheReasonsAndTheClosestPassage()
    {
        var disliked = Asked("q1", "When did the treaty come into force?", abstained: false, shown: new ShownPassage("treaty.txt", 2)) with
        {
            Votes = [new LoggedVote("q1", "h2", "discord", Vote.Down, DownReason.Outdated, null, Now), new LoggedVote("q1", "h3", "teams", Vote.Down, null, "old", Now)],
        };

        var gap = Assert.Single(await Finder.FindAsync([disliked, Asked("q2", "Where was it signed?", abstained: false)], CancellationToken.None));

        Assert.Equal("outdated 1", gap.ReasonSummary);
        Assert.Equal(("treaty.txt", 2), (gap.Closest!.Source, gap.Closest.Passage));
        Assert.False(gap.Answered);
    }

    [Fact]
    public async Task FindAsync_AfterASourceThatAnswersIsAddedAndReindexed_MarksTheGapAnswered()
    {
        var log = new[] { Asked("q1", "Who designed the harbour lighthouse?", abstained: true) };
        Assert.False(Assert.Single(await Finder.FindAsync(log, CancellationToken.None)).Answered);

        _corpus.Write("lighthouse.txt", "The harbour lighthouse was designed by the engineer Richard Henry Brunton in 1869.");
        await _corpus.Index.RebuildAsync(full: false);

        var gap = Assert.Single(await Finder.FindAsync(log, CancellationToken.None));
        Assert.True(gap.Answered);
        Assert.Equal("lighthouse.txt", gap.Closest!.Source);
    }

    private static LoggedQuestion Asked(string id, string question, bool abstained, ShownPassage? shown = null) =>
        new(id, Now, "discord", "h1", abstained, shown is null ? [] : [shown], TimeSpan.Zero, question);
}
