using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChatBrief.Core;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Benchmarking;
using ChatBrief.Core.Evaluation;
using ChatBrief.Core.Search;
using ChatBrief.Core.Semantic;
using ChatBrief.Core.Sources;
using Microsoft.Extensions.Options;

namespace ChatBrief.Cli;

/// <summary>
/// <c>bench --corpus FILE --questions FILE [--passages N] [--seconds S] [--threads 1,2] [--write-corpus OUT] [--lexical-only]</c>:
/// grows a corpus, indexes it in a temporary folder and asks questions against it; the figures are one JSON object on
/// the last line of stdout (docs/CONTRACTS.md).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var corpus = FileOptions.Input("--corpus", "Corpus file, one JSON object a line (docs/CONTRACTS.md).", required: true);
        var questions = FileOptions.Input("--questions", "Question file whose questions are asked (docs/CONTRACTS.md).", required: true);
        var passages = NumberOptions.OptionalCount("--passages", "Passages to index; a larger number than the corpus holds grows it.");
        var seconds = NumberOptions.Count("--seconds", "Seconds of questions at each thread count.", defaultValue: 10);
        var threads = new Option<int[]>("--threads")
        {
            Description = "Thread counts to ask questions from, comma-separated.",
            DefaultValueFactory = _ => [1, 2],
            CustomParser = ParseThreads,
        };
        var writeCorpus = FileOptions.Output("--write-corpus", "Also write exactly the passages indexed here, in the corpus format.");
        var lexicalOnly = new Option<bool>("--lexical-only") { Description = "Leave the semantic layer out: nothing is embedded." };
        var command = new Command("bench", "Measure indexing and question speed on a corpus grown to a given size.")
        {
            corpus, questions, passages, seconds, threads, writeCorpus, lexicalOnly,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CommonOptions.BuildHost(parse);
            var services = host.Services;
            var questionList = EvalRunner.ReadQuestions(parse.GetValue(questions)!.FullName).Select(q => q.Question).ToList();
            var original = CorpusGrower.Read(parse.GetValue(corpus)!.FullName);
            if (questionList.Count == 0 || original.Count == 0)
            {
                throw new InvalidDataException(questionList.Count == 0 ? "The question file holds no questions." : "The corpus file holds no passages.");
            }

            var wanted = parse.GetValue(passages) ?? original.Count;

            var corpusFile = parse.GetValue(writeCorpus)?.FullName ?? Path.Combine(Path.GetTempPath(), $"chatbrief-bench-{Guid.NewGuid():N}.jsonl");
            CorpusGrower.Write(CorpusGrower.Grow(original, wanted), corpusFile);
            try
            {
                var embedder = parse.GetValue(lexicalOnly) ? null : CoreHostingExtensions.SemanticEmbedder(services);
                using var workspace = CorpusWorkspace.Create(corpusFile, services.GetRequiredService<ISourceReader>(), services.GetRequiredService<ILoggerFactory>(), TimeProvider.System, embedder);
                Console.Error.WriteLine($"Indexing {wanted:N0} passages{(embedder is null ? "" : " with their vectors")}…");
                var indexing = Stopwatch.StartNew();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var report = await workspace.Index.EnsureReadyAsync(cancellationToken: cancellationToken);
                var indexSeconds = indexing.Elapsed.TotalSeconds;
                var indexCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

                var answers = new AnswerService(workspace.Index, services.GetRequiredService<RankingModels>(), services.GetRequiredService<IOptions<SearchOptions>>(), services.GetRequiredService<ILogger<AnswerService>>(), TimeProvider.System);
                var figures = new Dictionary<string, object?>
                {
                    ["passages"] = wanted,
                    ["index_seconds"] = Math.Round(indexSeconds, 2),
                    ["index_passages_per_s"] = Math.Round(wanted / Math.Max(indexSeconds, 1e-9), 1),
                    ["index_cpu_seconds"] = Math.Round(indexCpuSeconds, 2),
                    ["embed_passages_per_s"] = report?.EmbeddingRate is { } rate ? Math.Round(rate, 1) : null,
                    ["index_mb"] = Math.Round(FolderBytes(workspace.Index.IndexPath) / 1048576.0, 1),
                    ["vectors_mb"] = Math.Round(VectorBytes(workspace) / 1048576.0, 1),
                };

                // One question first, so that the models load and the searcher warms outside the timed runs.
                await answers.AskAsync(new AskRequest(questionList[0], 3), cancellationToken);
                var runs = new List<QueryLoadResult>();
                foreach (var count in parse.GetValue(threads)!)
                {
                    Console.Error.WriteLine($"Asking questions for {parse.GetValue(seconds)} s from {count} thread(s)…");
                    runs.Add(await QueryLoad.RunAsync(questionList, (question, ct) => answers.AskAsync(new AskRequest(question, 3), ct), count, TimeSpan.FromSeconds(parse.GetValue(seconds)), TimeProvider.System, cancellationToken));
                }

                // Latency is a question's own time, so it comes from the first run (one thread unless told otherwise).
                figures["query_p50_ms"] = Math.Round(runs[0].Percentile(0.50), 2);
                figures["query_p95_ms"] = Math.Round(runs[0].Percentile(0.95), 2);
                figures["query_p99_ms"] = Math.Round(runs[0].Percentile(0.99), 2);
                foreach (var run in runs)
                {
                    figures[$"qps_{run.Threads}"] = Math.Round(run.QuestionsPerSecond, 1);
                }

                figures["peak_rss_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1);
                Console.WriteLine(CliJson.Serialize(figures));
                return 0;
            }
            finally
            {
                if (parse.GetValue(writeCorpus) is null)
                {
                    File.Delete(corpusFile);
                }
            }
        });
        return command;
    }

    private static int[] ParseThreads(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        var counts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(item => int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 256 ? n : 0)
            .ToArray();
        if (counts.Length == 0 || counts.Contains(0))
        {
            result.AddError($"--threads takes whole numbers from 1 to 256 separated by commas, such as 1,2, not '{text}'.");
            return [1];
        }

        return counts;
    }

    private static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static long VectorBytes(CorpusWorkspace workspace)
    {
        using var lease = workspace.Index.Acquire();
        return lease.Searcher.Vectors is { } vectors ? (long)vectors.Count * QuantizedVector.ByteLength(vectors.Dimensions) : 0;
    }
}
