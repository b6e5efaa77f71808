using System.CommandLine;
using System.Globalization;
using System.Text;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;

namespace ChatBrief.Cli;

/// <summary>
/// <c>gaps [--since 30d] [--csv FILE]</c>: abstained and 👎 questions of the question log, grouped by meaning, largest
/// group first; <c>--csv</c> also writes one row per question.
/// </summary>
internal static class GapsCommand
{
    public const int DefaultDays = 30;

    public static Option<int> Since() => NumberOptions.Days("--since", "How far back to look, in days (such as 30d).", DefaultDays);

    public static Command Create()
    {
        var since = Since();
        var csv = FileOptions.Output("--csv", "Also write one row per question (its group, text, when, door, abstained or voted down, reasons) to this CSV file.");
        var command = new Command("gaps", "List what people asked that the sources did not answer, grouped by meaning.") { since, csv };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CommonOptions.BuildHost(parse);
            var days = parse.GetValue(since);
            var (_, gaps) = await ReadAsync(host.Services, days, cancellationToken);
            Print(gaps, days);
            if (parse.GetValue(csv) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, Csv(gaps), new UTF8Encoding(false), cancellationToken);
                Console.Error.WriteLine($"Wrote {gaps.Sum(g => g.Asked)} questions to {file.FullName}.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The question log of the last <paramref name="days"/> days and its gaps; what <c>report</c> also shows.</summary>
    public static async Task<(IReadOnlyList<LoggedQuestion> Log, IReadOnlyList<GapGroup> Gaps)> ReadAsync(IServiceProvider services, int days, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IFeedbackStore>();
        store.Open();
        var log = store.QuestionsSince(services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-days));
        return (log, await services.GetRequiredService<GapFinder>().FindAsync(log, cancellationToken));
    }

    private static void Print(IReadOnlyList<GapGroup> gaps, int days)
    {
        var open = gaps.Where(g => !g.Answered).ToList();
        if (open.Count == 0)
        {
            Console.WriteLine($"No question went unanswered in the last {days} days.");
        }

        for (var i = 0; i < open.Count; i++)
        {
            var gap = open[i];
            Console.WriteLine($"{i + 1}. {gap.Asked} asked: {string.Join(" · ", gap.Examples.Select(e => $"\"{e}\""))}");
            Console.WriteLine($"   closest: {(gap.Closest is { } passage ? AnswerWording.Citation(passage) : "none")}");
            if (gap.ReasonSummary is { Length: > 0 } reasons)
            {
                Console.WriteLine($"   👎 {reasons}");
            }
        }

        foreach (var gap in gaps.Where(g => g.Answered))
        {
            Console.WriteLine($"answered now: {gap.Asked} asked: \"{gap.Examples[0]}\"");
        }
    }

    /// <summary>One row per question: group (1 is the largest), whether the group is answered now, and the question's own details.</summary>
    internal static string Csv(IReadOnlyList<GapGroup> gaps)
    {
        var csv = new StringBuilder("group,answered_now,question,at,door,abstained,voted_down,reasons\n");
        for (var i = 0; i < gaps.Count; i++)
        {
            foreach (var question in gaps[i].Questions)
            {
                var reasons = string.Join("; ", question.Votes.Where(v => v.Vote == Vote.Down)
                    .Select(v => string.Join(": ", new[] { v.Reason is { } r ? DownReasons.Label(r) : null, v.Comment }.OfType<string>())).Where(r => r.Length > 0));
                csv.AppendJoin(',', [
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    gaps[i].Answered ? "yes" : "no",
                    Field(question.Question!),
                    question.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z",
                    question.Door,
                    question.Abstained ? "yes" : "no",
                    question.VotedDown ? "yes" : "no",
                    Field(reasons),
                ]).Append('\n');
            }
        }

        return csv.ToString();
    }

    /// <summary>Quoted when needed; a leading =, +, - or @ is prefixed with ' so that a spreadsheet never runs a question as a formula.</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0]))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
