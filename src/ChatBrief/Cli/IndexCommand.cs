using System.CommandLine;
using ChatBrief.Core.Indexing;
using Spectre.Console;

namespace ChatBrief.Cli;

/// <summary><c>index [--full]</c>: builds or updates the index, with a progress bar on a terminal and a summary.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var full = new Option<bool>("--full") { Description = "Re-read every source instead of only those that changed." };
        var command = new Command("index", "Build or update the index from the sources folder.") { full };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CommonOptions.BuildHost(parse);
            var index = host.Services.GetRequiredService<IndexManager>();
            var report = await BuildAsync(index, parse.GetValue(full), cancellationToken);
            IndexReportPrinter.PrintSummary(Console.Out, report);
            return 0;
        });
        return command;
    }

    private static async Task<IndexBuildReport> BuildAsync(IndexManager index, bool full, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await RebuildOrOpenAsync(index, full, null, cancellationToken);
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Indexing", maxValue: 1);
                var progress = new Progress<IndexBuildProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = p.Current is null ? "Committing"
                        : p.ToEmbed > 0 ? Markup.Escape($"{p.Current}: embedding passages {p.Embedded:N0}/{p.ToEmbed:N0}")
                        : Markup.Escape(p.Current);
                });
                var report = await RebuildOrOpenAsync(index, full, progress, cancellationToken);
                task.Value = task.MaxValue;
                task.Description = "Done";
                return report;
            });
    }

    /// <summary>An unreadable or outdated index is rebuilt whole (and the summary says why); otherwise only changes are applied.</summary>
    private static async Task<IndexBuildReport> RebuildOrOpenAsync(IndexManager index, bool full, IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        if (!full && await index.EnsureReadyAsync(progress, cancellationToken) is { } rebuilt)
        {
            return rebuilt;
        }

        return await index.RebuildAsync(full, progress, cancellationToken);
    }
}
