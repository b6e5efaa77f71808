using ChatBrief.Core.Answers;
using Spectre.Console;

namespace ChatBrief.Cli;

/// <summary>Writes an answer for people: each quoted passage with its best sentence in bold, its citation and where else it appears.</summary>
internal static class AnswerPrinter
{
    public static void Print(Answer answer)
    {
        if (Console.IsOutputRedirected)
        {
            // Piped output is for other programs: one line a paragraph, not wrapped at a guessed 80 columns.
            AnsiConsole.Profile.Width = int.MaxValue / 2;
        }

        if (answer.QuestionShortened)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]({AnswerWording.Shortened})[/]");
        }

        if (answer.Corrections.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]({AnswerWording.Corrected(answer.Corrections)})[/]");
        }

        if (answer.Abstained)
        {
            AnsiConsole.WriteLine(AnswerWording.Abstention);
            if (answer.Results.Count > 0)
            {
                AnsiConsole.WriteLine();
                AnsiConsole.WriteLine(AnswerWording.ClosestMatches);
            }
        }

        foreach (var result in answer.Results)
        {
            AnsiConsole.WriteLine();
            PrintQuote(result);
            AnsiConsole.MarkupLineInterpolated($"   [grey]— {AnswerWording.Citation(result)}[/]");
            if (result.AlsoIn.Count > 0)
            {
                var others = string.Join("; ", result.AlsoIn.Select(a => AnswerWording.Location(a.Source, a.Page, a.Passage)));
                AnsiConsole.MarkupLineInterpolated($"   [grey]Also in: {others}[/]");
            }
        }
    }

    private static void PrintQuote(AnswerPassage result)
    {
        if (result.BestSentenceSpan is not { } best || best.Length == result.Text.Length)
        {
            AnsiConsole.MarkupLineInterpolated($"{result.Rank}. “{result.Text}”");
            return;
        }

        var before = result.Text[..best.Start];
        var after = result.Text[best.End..];
        AnsiConsole.MarkupLineInterpolated($"{result.Rank}. “{before}[bold]{best.Of(result.Text)}[/]{after}”");
    }
}
