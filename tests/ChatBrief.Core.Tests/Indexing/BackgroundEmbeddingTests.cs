using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Tests.Indexing;

/// <summary>A long-running host commits new passages at once and embeds them afterwards, in the same documents.</summary>
public class BackgroundEmbeddingTests
{
    private static (string, string)[] TwoArticles =>
    [
        ("a.txt", "Pompeo said the treaty covers cyberattacks.\n\nThe treaty was signed in 1960."),
        ("b.txt", "Kono said the alliance is the cornerstone of peace."),
    ];

    [Fact]
    public async Task EnsureReadyAsync_InAHost_AnswersByWordsAtOnceThenEmbedsTheSameVectorsAsAOneShotBuild()
    {
        using var oneShot = new TestCorpus(TwoArticles);
        await oneShot.Index.EnsureReadyAsync();
        using var host = new TestCorpus(TwoArticles);
        host.Index.EmbedNewPassagesInBackground();

        var report = await host.Index.EnsureReadyAsync();
        var answeredMeanwhile = await host.AskAsync("When was the treaty signed?");
        await host.Index.BackgroundEmbedding;

        Assert.Equal(3, report!.EmbeddingLater);
        Assert.False(answeredMeanwhile.Abstained);
        Assert.Equal(3, host.Index.GetStatus().PassagesWithVectors);
        Assert.Null(host.Index.GetStatus().BuildProgress);
        Assert.Equal(Vectors(oneShot, "a.txt"), Vectors(host, "a.txt"));
    }

    [Fact]
    public async Task RebuildAsync_WhileEmbeddingInTheBackground_RunsAndEmbedsEverythingAfterwards()
    {
        using var host = new TestCorpus(TwoArticles);
        host.Index.EmbedNewPassagesInBackground();
        await host.Index.EnsureReadyAsync();
        host.Write("c.txt", "Esper said the bases on Okinawa stay.");

        var report = await host.Index.RebuildAsync(full: false);
        await host.Index.BackgroundEmbedding;

        Assert.Equal(1, report.Added);
        Assert.Equal((4, 4), (host.Index.GetStatus().Passages, host.Index.GetStatus().PassagesWithVectors));
    }

    [Fact]
    public async Task RebuildAsync_OneShotAfterAHostStoppedWhileEmbedding_EmbedsWhatWasLeft()
    {
        // More passages than one chunk of the background embedding, so that a stop always leaves some behind.
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, 150).Select(i => $"Paragraph {i} reports meeting number {i} of the ministers."));
        using var corpus = new TestCorpus(("minutes.txt", paragraphs));
        corpus.Index.EmbedNewPassagesInBackground();
        await corpus.Index.EnsureReadyAsync();
        corpus.Restart();

        var report = await corpus.Index.RebuildAsync(full: false);

        Assert.InRange(report.Embedded, 1, 150);
        Assert.Equal((150, 150), (corpus.Index.GetStatus().Passages, corpus.Index.GetStatus().PassagesWithVectors));
    }

    private static Dictionary<string, byte[]> Vectors(TestCorpus corpus, string source)
    {
        using var lease = corpus.Index.Acquire();
        return lease.Searcher.VectorsOf(source);
    }
}
