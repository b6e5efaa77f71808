using System.CommandLine;
using System.Diagnostics;
using ChatBrief.Core;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Evaluation;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Search;
using ChatBrief.Core.Sources;
using Microsoft.Extensions.Options;

namespace ChatBrief.Cli;

/// <summary>
/// <c>eval --questions FILE [--corpus PASSAGES.jsonl] [--out RESULTS.jsonl] [--top N] [--baseline]</c>: scores answers
/// against a question file; the metrics are the last line of stdout.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var questions = FileOptions.Input("--questions", "Question file, one JSON object a line (docs/CONTRACTS.md).", required: true);
        var corpus = FileOptions.Input("--corpus", "Index this JSONL corpus into a temporary index instead of using the index folder.");
        var output = FileOptions.Output("--out", "Write one result line per question here.");
        var top = NumberOptions.Count("--top", "Results per question.", defaultValue: 10);
        var baseline = new Option<bool>("--baseline") { Description = "Also score plain Lucene BM25 with the stock EnglishAnalyzer on the same passages." };
        var command = new Command("eval", "Measure answer quality on a question file.") { questions, corpus, output, top, baseline };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CommonOptions.BuildHost(parse);
            var services = host.Services;
            var questionList = EvalRunner.ReadQuestions(parse.GetValue(questions)!.FullName);
            var wanted = parse.GetValue(top);

            using var workspace = parse.GetValue(corpus) is { } corpusFile
                ? CorpusWorkspace.Create(corpusFile.FullName, services.GetRequiredService<ISourceReader>(), services.GetRequiredService<ILoggerFactory>(), TimeProvider.System, CoreHostingExtensions.SemanticEmbedder(services))
                : null;
            var index = workspace?.Index ?? services.GetRequiredService<IndexManager>();
            var answers = workspace is null
                ? services.GetRequiredService<AnswerService>()
                : new AnswerService(workspace.Index, services.GetRequiredService<RankingModels>(), services.GetRequiredService<IOptions<SearchOptions>>(), services.GetRequiredService<ILogger<AnswerService>>(), TimeProvider.System);
            var indexing = Stopwatch.StartNew();
            await IndexReadiness.EnsureAsync(services, workspace, cancellationToken);
            var indexSeconds = indexing.Elapsed.TotalSeconds;

            var (metrics, lines) = await EvalRunner.RunAsync(questionList, new AnswerServiceEvalTarget(answers), wanted, cancellationToken);
            metrics = metrics with { IndexSeconds = Math.Round(indexSeconds, 2) };
            if (parse.GetValue(baseline))
            {
                var reader = services.GetRequiredService<ISourceReader>();
                var passages = reader.Discover(index.SourcesPath).SelectMany(f => reader.Read(f).Documents).SelectMany(PassageBuilder.Build);
                using var plain = new BaselineEvalTarget(passages);
                metrics = metrics with { Baseline = (await EvalRunner.RunAsync(questionList, plain, wanted, cancellationToken)).Metrics };
            }

            if (parse.GetValue(output) is { } outFile)
            {
                await File.WriteAllLinesAsync(outFile.FullName, lines.Select(CliJson.Serialize), cancellationToken);
            }

            Console.WriteLine(CliJson.Serialize(metrics));
            return 0;
        });
        return command;
    }
}
