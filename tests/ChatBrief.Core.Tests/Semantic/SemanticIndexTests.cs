using ChatBrief.Core.Indexing;
using ChatBrief.Core.Search;
using ChatBrief.Core.Semantic;
using Lucene.Net.Index;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChatBrief.Core.Tests.Semantic;

/// <summary>Passage vectors belong to the commit that holds their passages, and the layer can be switched off.</summary>
public class SemanticIndexTests
{
    private static readonly Dictionary<string, string?> LayerOff = new() { ["Search:Semantic"] = "false" };

    private static (string, string)[] TwoArticles =>
    [
        ("a.txt", "Pompeo said the treaty covers cyberattacks.\n\nThe treaty was signed in 1960."),
        ("b.txt", "Kono said the alliance is the cornerstone of peace."),
    ];

    private static IDictionary<string, string> CommitData(TestCorpus corpus)
    {
        using var lease = corpus.Index.Acquire();
        return ((DirectoryReader)lease.Searcher.IndexReader).IndexCommit.UserData;
    }

    private static int VectorCount(TestCorpus corpus)
    {
        using var lease = corpus.Index.Acquire();
        return lease.Searcher.Vectors?.Count ?? 0;
    }

    [Fact]
    public async Task Build_EmbedsEveryPassage_AndNamesTheModelInTheCommit()
    {
        using var corpus = new TestCorpus(TwoArticles);

        var report = await corpus.Index.EnsureReadyAsync();

        Assert.Equal(3, report!.Embedded);
        Assert.NotNull(report.EmbeddingRate);
        Assert.Equal(3, VectorCount(corpus));
        Assert.Equal(corpus.Index.Embedder!.ModelId, CommitData(corpus)["embedding_model"]);
    }

    [Fact]
    public async Task IncrementalReindex_EmbedsOnlyNewOrChangedPassages()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        corpus.Write("a.txt", "Pompeo said the treaty covers cyberattacks.\n\nThe treaty was signed in 1960 in Washington.");

        var report = await corpus.Index.RebuildAsync(full: false);

        Assert.Equal(1, report.Updated);
        Assert.Equal(1, report.Embedded);
        Assert.Equal(3, VectorCount(corpus));
    }

    [Fact]
    public async Task FullRebuild_HasOneVectorPerPassage_NeverAMixOfTwoCommits()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        corpus.Write("b.txt", "Kono said the alliance is strong.\n\nHe added that talks go on.\n\nA third paragraph.");

        await corpus.Index.RebuildAsync(full: true);

        Assert.Equal(corpus.Index.GetStatus().Passages, VectorCount(corpus));
        Assert.Equal(5, VectorCount(corpus));
    }

    [Fact]
    public async Task LayerOff_NothingIsEmbedded_AndAnswersComeFromTheLexicalIndex()
    {
        using var corpus = new TestCorpus(LayerOff, TwoArticles);

        var report = await corpus.Index.EnsureReadyAsync();
        var answer = await corpus.AskAsync("When was the treaty signed?");

        Assert.Null(corpus.Index.Embedder);
        Assert.Equal(0, report!.Embedded);
        Assert.Equal(0, VectorCount(corpus));
        Assert.False(CommitData(corpus).ContainsKey("embedding_model"));
        Assert.Equal("The treaty was signed in 1960.", answer.Results[0].Text);
    }

    [Fact]
    public async Task LayerTurnedOn_IndexWithoutVectors_IsRebuiltWithThemAndSaysWhy()
    {
        using var corpus = new TestCorpus(LayerOff, TwoArticles);
        await corpus.Index.EnsureReadyAsync();

        corpus.Restart(new Dictionary<string, string?>());
        var report = await corpus.Index.EnsureReadyAsync();

        Assert.Contains("no passage vectors", report!.RebuildReason);
        Assert.Equal(3, VectorCount(corpus));
    }

    [Fact]
    public async Task SearchWithAnEmbedder_CommitWithoutVectors_StillAnswersLexically()
    {
        using var corpus = new TestCorpus(LayerOff, TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        var embedder = new Mock<IPassageEmbedder>(MockBehavior.Strict);
        var searcher = new PassageSearcher(corpus.Index.Analyzer, new PassageRanker(corpus.Services.GetRequiredService<RankingModels>()), embedder.Object);

        using var lease = corpus.Index.Acquire();
        var outcome = await searcher.SearchAsync(lease, "When was the treaty signed?", 1000, 3);

        Assert.False(outcome.Abstained);
        Assert.Equal("The treaty was signed in 1960.", outcome.Passages[0].Passage.Text);
        Assert.Null(outcome.Passages[0].Cosine);
        embedder.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Search_WithVectors_FindsAPassageThatSharesNoWordWithTheQuestion()
    {
        using var corpus = new TestCorpus(
            ("a.txt", "The alliance held its annual meeting in Washington.\n\nA cyberattack could constitute an armed attack under Article 5."),
            ("b.txt", "Rice farmers in Niigata expect a good harvest."));
        await corpus.Index.EnsureReadyAsync();
        var searcher = new PassageSearcher(corpus.Index.Analyzer, new PassageRanker(corpus.Services.GetRequiredService<RankingModels>()), corpus.Index.Embedder);

        using var lease = corpus.Index.Acquire();
        var outcome = await searcher.SearchAsync(lease, "meeting about hackers and the mutual defence pact", 1000, 3);

        Assert.Contains(outcome.Passages, p => p.Passage.Text.StartsWith("A cyberattack", StringComparison.Ordinal));
        Assert.All(outcome.Passages, p => Assert.NotNull(p.Cosine));
    }
}
