using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ChatBrief.Core.Tests.Indexing;

/// <summary>Every way an index folder was found broken in the field: each is moved aside and rebuilt from the sources.</summary>
public class IndexRecoveryTests
{
    private static (string, string)[] TwoArticles =>
    [
        ("a.txt", "Pompeo said the treaty covers cyberattacks.\n\nThe treaty was signed in 1960."),
        ("b.txt", "Kono said the alliance is the cornerstone of peace."),
    ];

    public static TheoryData<string> Damage => ["garbage segments", "zeroed segments", "overwritten segment info", "truncated compound file", "missing compound file"];

    [Theory]
    [MemberData(nameof(Damage))]
    public async Task EnsureReadyAsync_DamagedIndex_MovesItAsideAndRebuilds(string damage)
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        corpus.Index.Dispose();
        Inflict(corpus.IndexPath, damage);

        corpus.Restart();
        var report = await corpus.Index.EnsureReadyAsync();

        Assert.NotNull(report);
        Assert.StartsWith("the index could not be read", report.RebuildReason);
        Assert.Equal(3, corpus.Index.GetStatus().Passages);
        Assert.False((await corpus.AskAsync("When was the treaty signed?")).Abstained);
        var broken = Path.Combine(corpus.IndexPath, IndexFolder.BrokenFolderName);
        Assert.Equal(report.RebuildReason, File.ReadAllText(Path.Combine(broken, "REASON.txt")).Trim());
        Assert.Contains(Path.Combine(broken, "segments_1"), System.IO.Directory.GetFiles(broken));
    }

    private static void Inflict(string index, string damage)
    {
        switch (damage)
        {
            case "garbage segments":
                File.WriteAllBytes(Path.Combine(index, "segments_1"), Enumerable.Range(0, 200).Select(i => (byte)(i * 37 % 251)).ToArray());
                break;
            case "zeroed segments":
                File.WriteAllBytes(Path.Combine(index, "segments_1"), new byte[300]);
                break;
            case "overwritten segment info":
                File.WriteAllBytes(Path.Combine(index, "_0.si"), Enumerable.Range(0, 300).Select(i => (byte)(i * 13 % 251)).ToArray());
                break;
            case "truncated compound file":
                using (var file = File.OpenWrite(Path.Combine(index, "_0.cfs")))
                {
                    file.SetLength(100);
                }

                break;
            case "missing compound file":
                File.Delete(Path.Combine(index, "_0.cfs"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    [Fact]
    public async Task EnsureReadyAsync_IndexPathBecameAFileAfterStart_SaysSo()
    {
        using var corpus = new TestCorpus(TwoArticles);
        var index = corpus.Index;
        File.WriteAllText(corpus.IndexPath, "not a folder");

        var error = await Assert.ThrowsAsync<IndexFolderException>(() => index.EnsureReadyAsync());

        Assert.Equal($"The index path {corpus.IndexPath} is a file, not a folder (Index:Path or --index): give the index a folder of its own.", error.Message);
    }

    [Fact]
    public async Task EnsureReadyAsync_ProcessKilledWhileWriting_ServesTheLastCommit()
    {
        using var corpus = new TestCorpus(TwoArticles);
        await corpus.Index.EnsureReadyAsync();
        corpus.Index.Dispose();
        var crashed = Path.Combine(corpus.Root, "crashed");
        using (var directory = FSDirectory.Open(corpus.IndexPath))
        {
            var writer = new IndexWriter(directory, new IndexWriterConfig(ChatBriefAnalyzer.Version, new ChatBriefAnalyzer()));
            writer.DeleteAll();
            writer.AddDocument(new Document { new StringField(IndexSchema.Kind, IndexSchema.PassageKind, Field.Store.YES) });
            writer.Flush(triggerMerge: false, applyAllDeletes: true);

            // What the disk holds at the moment of a kill: flushed but uncommitted segments, and the writer's lock file.
            System.IO.Directory.CreateDirectory(crashed);
            foreach (var file in System.IO.Directory.GetFiles(corpus.IndexPath))
            {
                File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
            }

            writer.Rollback();
        }

        System.IO.Directory.Delete(corpus.IndexPath, recursive: true);
        System.IO.Directory.Move(crashed, corpus.IndexPath);
        corpus.Restart();

        Assert.Null(await corpus.Index.EnsureReadyAsync());
        Assert.Equal(3, corpus.Index.GetStatus().Passages);
        Assert.Equal(2, (await corpus.Index.RebuildAsync(full: false)).Unchanged);
    }
}
