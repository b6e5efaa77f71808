using System.CommandLine;
using System.Text;
using ChatBrief.Core.Feedback;

namespace ChatBrief.Cli;

/// <summary><c>report [--since 30d] --out FILE.html</c>: the usage report, one self-contained HTML page.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var since = GapsCommand.Since();
        var output = FileOptions.Output("--out", "The HTML file to write.", required: true);
        var command = new Command("report", "Write the usage report: questions per day, answered and abstained, votes, most cited sources, largest gaps.") { since, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CommonOptions.BuildHost(parse);
            var days = parse.GetValue(since);
            var (log, gaps) = await GapsCommand.ReadAsync(host.Services, days, cancellationToken);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var file = parse.GetValue(output)!;
            await File.WriteAllTextAsync(file.FullName, UsageReport.Write(log, gaps, now.AddDays(-days), now), new UTF8Encoding(false), cancellationToken);
            Console.WriteLine($"Wrote the report of {log.Count} questions to {file.FullName}.");
            return 0;
        });
        return command;
    }
}
