using System.CommandLine;

namespace ChatBrief.Cli;

/// <summary>The <c>chatbrief</c> command line: one subcommand per job, each in its own file.</summary>
public static class CliApplication
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("ChatBrief answers questions about your team's documents with exact, cited quotes.")
        {
            CommonOptions.Sources,
            CommonOptions.Index,
        };
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainRankerCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(TeamsCommand.Create());
        root.Subcommands.Add(DiscordCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
