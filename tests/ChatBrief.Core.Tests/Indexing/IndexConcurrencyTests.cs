using System.Collections.Concurrent;
using System.Diagnostics;
using ChatBrief.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Xunit.Abstractions;

namespace ChatBrief.Core.Tests.Indexing;

public class IndexConcurrencyTests(ITestOutputHelper output)
{
    private const int Askers = 8;
    private const int Reindexes = 20;

    private static readonly string[] Questions =
    [
        "When was the treaty signed?",
        "What did Kono say about the alliance?",
        "what did pompeo say about cyber attacks",
        "when was it revised",
        "Okinawa bases",
    ];

    /// <summary>
    /// Paragraph 2 keeps its number while its sentence count changes, and a third paragraph comes and goes: a question
    /// that read one commit's passages with another commit's analysed terms or counts would throw or disagree.
    /// </summary>
    private static string ArticleA(int round) =>
        "Pompeo said the treaty covers cyberattacks.\n\n"
        + (round % 2 == 0 ? "The treaty was signed in 1960." : "The treaty was signed in 1960. It was revised in 1970. Both leaders met in Tokyo.")
        + (round % 3 == 0 ? "\n\nA third paragraph about the Okinawa bases." : "");

    [Fact]
    public async Task Questions_WhileTwentyReindexesRun_NeverFailNorMixCommits()
    {
        using var corpus = new TestCorpus(("a.txt", ArticleA(1)), ("b.txt", "Kono said the alliance is the cornerstone of peace."));
        await corpus.Index.EnsureReadyAsync();
        var failures = new ConcurrentQueue<string>();
        var latencies = new ConcurrentQueue<TimeSpan>();
        using var stop = new CancellationTokenSource();

        var askers = Enumerable.Range(0, Askers).Select(asker => Task.Run(async () =>
        {
            for (var i = asker; !stop.IsCancellationRequested; i++)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    await corpus.AskAsync(Questions[i % Questions.Length]);
                    using var lease = corpus.Index.Acquire();
                    var passages = lease.Searcher.Search(new TermQuery(new Term(IndexSchema.Kind, IndexSchema.PassageKind)), 1).TotalHits;
                    if (passages != lease.Snapshot.Passages)
                    {
                        failures.Enqueue($"a lease paired a searcher of {passages} passages with a snapshot of {lease.Snapshot.Passages}");
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.ToString());
                }

                latencies.Enqueue(clock.Elapsed);
            }
        })).ToArray();

        var reports = new List<IndexBuildReport>();
        for (var round = 0; round < Reindexes; round++)
        {
            corpus.Write("a.txt", ArticleA(round));
            if (round == 5)
            {
                corpus.Write("bad.jsonl", "{ this is not json");
            }

            if (round == 10)
            {
                // A reindex that fails halfway: everything it wrote is rolled back and the last commit keeps serving.
                using var cancel = new CancellationTokenSource();
                var progress = new SynchronousProgress(p => cancel.Cancel());
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => corpus.Index.RebuildAsync(full: false, progress, cancel.Token));
                continue;
            }

            reports.Add(await corpus.Index.RebuildAsync(full: false));
        }

        await stop.CancelAsync();
        await Task.WhenAll(askers);

        var sorted = latencies.Order().ToList();
        output.WriteLine(
            $"{sorted.Count} questions answered by {Askers} threads during {Reindexes} reindexes; {failures.Count} failures; " +
            $"answer p50 {sorted[sorted.Count / 2].TotalMilliseconds:F0} ms, p99 {sorted[sorted.Count * 99 / 100].TotalMilliseconds:F0} ms, slowest {sorted[^1].TotalMilliseconds:F0} ms");
        Assert.Empty(failures);
        Assert.True(sorted.Count >= Reindexes, $"only {sorted.Count} questions were asked");
        Assert.Contains(reports[5].Skipped, s => s.Path == "bad.jsonl");
        Assert.Equal(ArticleA(Reindexes - 1).Split("\n\n").Length + 1, corpus.Index.GetStatus().Passages);
    }
}
