using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Tests.Indexing;

public class IndexManagerTests
{
    private static (string, string)[] TwoArticles =>
    [
        ("a.txt", "Pompeo said the treaty covers cyberattacks.\n\nThe treaty was signed in 1960."),
        ("b.txt", "Kono said the alliance is the cornerstone of peace."),
    ];

    [Fact]
    public async Task EnsureReadyAsync_NoIndex_BuildsItAndSaysWhy()
    {
        using var corpus = new TestCorpus(TwoArticles);

        var report = await corpus.Index.EnsureReadyAsync();

        Assert.NotNull(report);
        Assert.Equal("no index exists yet", report.RebuildReason);
        Assert.Equal(
            new IndexStatus(true, 2, 3, corpus.Index.GetStatus().BuiltAt) { SemanticModel = corpus.Index.Embedder!.ModelId, PassagesWithVectors = 3 },
            corpus.Index.GetStatus());
    }

    [Fact]
    public async Task RebuildAsync_OneSourceChanged_RereadsOnlyThatSource()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        corpus.Write("b.txt", "Kono said the alliance is strong.\n\nHe added that trade talks continue.");
        corpus.Write("c.txt", "A new source about Okinawa.");
        File.Delete(Path.Combine(corpus.SourcesPath, "a.txt"));

        var report = await corpus.Index.RebuildAsync(full: false);

        Assert.Equal((1, 1, 1, 0), (report.Added, report.Updated, report.Removed, report.Unchanged));
        Assert.Equal(["b.txt", "c.txt"], corpus.Index.ListSources().Select(s => s.Source));
        Assert.Equal(3, corpus.Index.GetStatus().Passages);
    }

    [Fact]
    public async Task RebuildAsync_BadSidecar_IndexesTheFileAndReportsTheNote()
    {
        using var corpus = new TestCorpus(TwoArticles);
        corpus.Write("a.txt.meta.json", "{ not json");

        var report = await corpus.Index.RebuildAsync(full: true);

        var note = Assert.Single(report.Notes);
        Assert.Equal("a.txt", note.Source);
        Assert.StartsWith("ignored a.txt.meta.json: not valid JSON", note.Note);
        Assert.Equal(2, report.Added);
    }

    [Fact]
    public async Task RebuildAsync_NothingChanged_LeavesEverySourceUnchanged()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();

        var report = await corpus.Index.RebuildAsync(full: false);

        Assert.Equal((0, 0, 0, 2), (report.Added, report.Updated, report.Removed, report.Unchanged));
    }

    [Fact]
    public async Task EnsureReadyAsync_CorruptIndex_RebuildsFromSources()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        corpus.Index.Dispose();
        foreach (var file in Directory.GetFiles(corpus.IndexPath))
        {
            File.WriteAllBytes(file, [1, 2, 3, 4]);
        }

        corpus.Restart();
        var report = await corpus.Index.EnsureReadyAsync();

        Assert.NotNull(report);
        Assert.Contains("could not be read", report.RebuildReason);
        Assert.Equal(3, corpus.Index.GetStatus().Passages);
    }

    [Fact]
    public async Task EnsureReadyAsync_IndexFromAnotherSchemaVersion_RebuildsAndSaysWhy()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        corpus.Index.Dispose();
        using (var directory = Lucene.Net.Store.FSDirectory.Open(corpus.IndexPath))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(ChatBrief.Core.Analysis.ChatBriefAnalyzer.Version, new ChatBrief.Core.Analysis.ChatBriefAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["schema_version"] = "0" });
            writer.Commit();
        }

        corpus.Restart();
        var report = await corpus.Index.EnsureReadyAsync();

        Assert.NotNull(report);
        Assert.Contains("schema version 0", report.RebuildReason);
    }

    [Fact]
    public async Task EnsureReadyAsync_ExistingIndex_OpensItWithoutRebuilding()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        corpus.Restart();

        var report = await corpus.Index.EnsureReadyAsync();

        Assert.Null(report);
        Assert.Equal(3, corpus.Index.GetStatus().Passages);
    }

    [Fact]
    public async Task RebuildAsync_SourcesFolderMissing_ThrowsClearErrorAndKeepsServing()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        Directory.Delete(corpus.SourcesPath, recursive: true);

        var error = await Assert.ThrowsAsync<SourcesUnavailableException>(() => corpus.Index.RebuildAsync(full: true));

        Assert.Contains(corpus.SourcesPath, error.Message);
        Assert.Equal(3, corpus.Index.GetStatus().Passages);
        Assert.False((await corpus.AskAsync("When was the treaty signed?")).Abstained);
    }

    [Fact]
    public async Task RebuildAsync_CancelledHalfway_KeepsThePreviousIndex()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        corpus.Write("c.txt", "Something new about Okinawa.");
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Current == "c.txt")
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => corpus.Index.RebuildAsync(full: false, progress, cancel.Token));

        Assert.Equal(["a.txt", "b.txt"], corpus.Index.ListSources().Select(s => s.Source));
        var report = await corpus.Index.RebuildAsync(full: false);
        Assert.Equal(1, report.Added);
    }

    [Fact]
    public async Task RebuildAsync_WhileAnotherRuns_ThrowsInProgress()
    {
        using var corpus = new TestCorpus(TwoArticles);
        var gate = new BuildGate();

        var first = corpus.Index.RebuildAsync(full: true, gate);
        await gate.Entered;
        var error = await Assert.ThrowsAsync<IndexBuildInProgressException>(() => corpus.Index.RebuildAsync(full: true));
        Assert.Equal("A reindex is already running (0 of 2 sources read); try again when it has finished.", error.Message);
        gate.Release();
        await first;
    }

    [Fact]
    public async Task EnsureReadyAsync_WhileTheFirstBuildRuns_SaysNotReadyInsteadOfWaiting()
    {
        using var corpus = new TestCorpus(TwoArticles);
        var gate = new BuildGate();

        var first = corpus.Index.EnsureReadyAsync(gate);
        await gate.Entered;
        Assert.Equal(new IndexStatus(false, 0, 0, null) { BuildProgress = new IndexBuildProgress(0, 2, "a.txt") }, corpus.Index.GetStatus());
        await Assert.ThrowsAsync<IndexNotReadyException>(() => corpus.Index.EnsureReadyAsync());
        gate.Release();
        Assert.NotNull(await first);
        Assert.Null(await corpus.Index.EnsureReadyAsync());
    }

    /// <summary>Holds a build at its first progress report until released, so a test can act while it runs.</summary>
    private sealed class BuildGate : IProgress<IndexBuildProgress>
    {
        private readonly TaskCompletionSource _entered = new();
        private readonly TaskCompletionSource _release = new();

        public Task Entered => _entered.Task;

        public void Release() => _release.SetResult();

        public void Report(IndexBuildProgress value)
        {
            _entered.TrySetResult();
            _release.Task.Wait();
        }
    }
}
