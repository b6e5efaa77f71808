using System.CommandLine;
using System.Diagnostics;
using ChatBrief.Core;
using ChatBrief.Core.Evaluation;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Sources;
using Microsoft.Extensions.Options;

namespace ChatBrief.Cli;

/// <summary>
/// <c>train-ranker [--corpus PASSAGES.jsonl] --questions FILE --out MODEL.zip [--holdout FILE]</c>: fits the ranking model
/// on questions with known answers and reports how it orders questions it never saw.
/// </summary>
internal static class TrainRankerCommand
{
    public static Command Create()
    {
        var corpus = new Option<FileInfo?>("--corpus") { Description = "The JSONL corpus the questions are about, indexed into a temporary index; without it, the index folder is used." };
        var questions = new Option<FileInfo>("--questions") { Description = "Training questions with passage_ids or answers (docs/CONTRACTS.md question file).", Required = true };
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Questions kept out of training, to report the model on." };
        var splitTitles = new Option<bool>("--split-titles") { Description = "Hold out the questions about every other document title (sorted) instead of a --holdout file." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model (set Search:RankingModel to use it).", Required = true };
        var defaults = new RankerTrainingSettings();
        var trees = new Option<int>("--trees") { Description = "Boosted trees in the ensemble.", DefaultValueFactory = _ => defaults.Trees };
        var leaves = new Option<int>("--leaves") { Description = "Leaves per tree.", DefaultValueFactory = _ => defaults.Leaves };
        var minLeaf = new Option<int>("--min-leaf") { Description = "Fewest candidates a leaf may hold.", DefaultValueFactory = _ => defaults.MinimumExamplesPerLeaf };
        var rate = new Option<double>("--learning-rate") { Description = "Shrinkage of each tree.", DefaultValueFactory = _ => defaults.LearningRate };
        var featureFraction = new Option<double>("--feature-fraction") { Description = "Share of the features each tree may choose from.", DefaultValueFactory = _ => defaults.FeatureFraction };
        var ignore = new Option<string[]>("--ignore") { Description = "Features the model must not use (names as in RankingFeatures).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("train-ranker", "Train the passage ranking model on questions with known answers.") { corpus, questions, holdout, splitTitles, output, trees, leaves, minLeaf, rate, featureFraction, ignore };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(async () =>
        {
            if (parse.GetValue(splitTitles) && parse.GetValue(holdout) is not null)
            {
                throw new ArgumentException("Give either --split-titles or --holdout, not both: each decides which questions are held out.");
            }

            using var host = CommonOptions.BuildHost(parse);
            var services = host.Services;
            var search = services.GetRequiredService<IOptions<SearchOptions>>().Value;
            using var workspace = parse.GetValue(corpus) is { } corpusFile
                ? CorpusWorkspace.Create(corpusFile.FullName, services.GetRequiredService<ISourceReader>(), services.GetRequiredService<ILoggerFactory>(), TimeProvider.System, CoreHostingExtensions.SemanticEmbedder(services))
                : null;
            var index = workspace?.Index ?? services.GetRequiredService<IndexManager>();
            await index.EnsureReadyAsync(cancellationToken: cancellationToken);

            var stopwatch = Stopwatch.StartNew();
            var all = EvalRunner.ReadQuestions(parse.GetValue(questions)!.FullName);
            var (trainingQuestions, heldOutQuestions) = parse.GetValue(splitTitles) ? RankerTrainer.SplitByTitle(index, all) : (all, []);
            if (parse.GetValue(holdout) is { } holdoutFile)
            {
                heldOutQuestions = EvalRunner.ReadQuestions(holdoutFile.FullName);
            }

            var training = RankerTrainer.Label(index, trainingQuestions, search.MaxQuestionLength);
            var settings = new RankerTrainingSettings(parse.GetValue(trees), parse.GetValue(leaves), parse.GetValue(minLeaf), parse.GetValue(rate), parse.GetValue(featureFraction), (parse.GetValue(ignore) ?? []).ToHashSet(StringComparer.Ordinal));
            var model = RankerTrainer.Train(training, settings);
            model.Save(parse.GetValue(output)!.FullName);
            var report = new Dictionary<string, object>
            {
                ["training_questions"] = training.Count,
                ["training"] = RankerTrainer.Measure(model, training),
                ["seconds"] = Math.Round(stopwatch.Elapsed.TotalSeconds, 1),
            };
            if (heldOutQuestions.Count > 0)
            {
                report["holdout"] = RankerTrainer.Measure(model, RankerTrainer.Label(index, heldOutQuestions, search.MaxQuestionLength));
            }

            Console.WriteLine(CliJson.Serialize(report));
            return 0;
        }));
        return command;
    }
}
