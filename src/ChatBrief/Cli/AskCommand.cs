using System.CommandLine;
using ChatBrief.Core;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Search;
using Microsoft.Extensions.Options;

namespace ChatBrief.Cli;

/// <summary><c>ask "question" [--json] [--top N]</c>: answers from the index, building it on first use.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "What you want to know, in your own words." };
        // Refused before the index is opened or built, which can take a while.
        question.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError(AnswerWording.EmptyQuestion);
            }
        });
        var json = new Option<bool>("--json") { Description = "Print one JSON object (docs/CONTRACTS.md) instead of text." };
        var top = NumberOptions.OptionalCount("--top", "How many passages to quote (default: Search:Top, 3).");
        var command = new Command("ask", "Answer a question with exact, cited passages of the sources.") { question, json, top };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CommonOptions.BuildHost(parse);
            var services = host.Services;
            // A cold start reads the English word list and the ranking models on the other core while this one opens the
            // index and loads the embedding model, so `ask` waits for the slower of the two, not for their sum.
            var loading = Task.Run(() =>
            {
                _ = EnglishLexicon.Shared;
                _ = services.GetRequiredService<RankingModels>();
            }, cancellationToken);
            await IndexReadiness.EnsureAsync(services, workspace: null, cancellationToken);
            await loading;

            var wanted = parse.GetValue(top) ?? services.GetRequiredService<IOptions<SearchOptions>>().Value.Top;
            var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(parse.GetValue(question)!, wanted), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(CliJson.Serialize(answer));
            }
            else
            {
                AnswerPrinter.Print(answer);
            }

            return 0;
        });
        return command;
    }
}
