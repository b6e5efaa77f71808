using System.CommandLine;
using ChatBrief.Core;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using Microsoft.Extensions.Options;

namespace ChatBrief.Cli;

/// <summary><c>ask "question" [--json] [--top N]</c>: answers from the index, building it on first use.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "What you want to know, in your own words." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (docs/CONTRACTS.md) instead of text." };
        var top = new Option<int?>("--top") { Description = "How many passages to quote (default: Search:Top, 3)." };
        var command = new Command("ask", "Answer a question with exact, cited passages of the sources.") { question, json, top };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(async () =>
        {
            using var host = CommonOptions.BuildHost(parse);
            var services = host.Services;
            var index = services.GetRequiredService<IndexManager>();
            var built = await index.EnsureReadyAsync(cancellationToken: cancellationToken);
            if (built is not null)
            {
                await Console.Error.WriteLineAsync(
                    $"Built the index from {index.SourcesPath} ({built.RebuildReason}): {built.Documents} documents, {built.Passages} passages in {built.Elapsed.TotalSeconds:0.0} s.");
                foreach (var skipped in built.Skipped)
                {
                    await Console.Error.WriteLineAsync($"  skipped {skipped.Path}: {skipped.Reason}");
                }
            }

            var wanted = parse.GetValue(top) ?? services.GetRequiredService<IOptions<SearchOptions>>().Value.Top;
            if (wanted < 1)
            {
                throw new ArgumentException("--top must be at least 1.");
            }

            var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(parse.GetValue(question) ?? "", wanted), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(CliJson.Serialize(answer));
            }
            else
            {
                AnswerPrinter.Print(answer);
            }

            return 0;
        }));
        return command;
    }
}
