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
        var corpus = FileOptions.Input("--corpus", "The JSONL corpus the questions are about, indexed into a temporary index; without it, the index folder is used.");
        var questions = FileOptions.Input("--questions", "Training questions with passage_ids or answers (docs/CONTRACTS.md question file).", required: true);
        var holdout = FileOptions.Input("--holdout", "Questions kept out of training, to report the model on.");
        var splitTitles = new Option<bool>("--split-titles") { Description = "Hold out the questions about every other document title (sorted) instead of a --holdout file." };
        var output = FileOptions.Output("--out", "Where to write the model (set Search:RankingModel to use it).", required: true);
        var defaults = new RankerTrainingSettings();
        var trees = NumberOptions.Count("--trees", "Boosted trees in the ensemble.", defaults.Trees);
        var leaves = NumberOptions.Count("--leaves", "Leaves per tree.", defaults.Leaves, minimum: 2);
        var minLeaf = NumberOptions.Count("--min-leaf", "Fewest candidates a leaf may hold.", defaults.MinimumExamplesPerLeaf);
        var rate = NumberOptions.Fraction("--learning-rate", "Shrinkage of each tree.", defaults.LearningRate);
        var featureFraction = NumberOptions.Fraction("--feature-fraction", "Share of the features each tree may choose from.", defaults.FeatureFraction);
        var ignore = new Option<string[]>("--ignore") { Description = "Features the model must not use (names as in RankingFeatures).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("train-ranker", "Train the passage ranking model on questions with known answers.") { corpus, questions, holdout, splitTitles, output, trees, leaves, minLeaf, rate, featureFraction, ignore };
        command.SetAction(async (parse, cancellationToken) =>
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
            await IndexReadiness.EnsureAsync(services, workspace, cancellationToken);
            var index = workspace?.Index ?? services.GetRequiredService<IndexManager>();

            var stopwatch = Stopwatch.StartNew();
            var all = EvalRunner.ReadQuestions(parse.GetValue(questions)!.FullName);
            var (trainingQuestions, heldOutQuestions) = parse.GetValue(splitTitles) ? RankerTrainer.SplitByTitle(index, all) : (all, []);
            if (parse.GetValue(holdout) is { } holdoutFile)
            {
                heldOutQuestions = EvalRunner.ReadQuestions(holdoutFile.FullName);
            }

            var training = await RankerTrainer.LabelAsync(index, trainingQuestions, search.MaxQuestionLength, cancellationToken);
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
                report["holdout"] = RankerTrainer.Measure(model, await RankerTrainer.LabelAsync(index, heldOutQuestions, search.MaxQuestionLength, cancellationToken));
            }

            Console.WriteLine(CliJson.Serialize(report));
            return 0;
        });
        return command;
    }
}
