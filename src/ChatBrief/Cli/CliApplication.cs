using System.CommandLine;
using System.CommandLine.Invocation;

namespace ChatBrief.Cli;

/// <summary>The <c>chatbrief</c> command line: one subcommand per job, each in its own file.</summary>
public static class CliApplication
{
    // A question may start with '@' ("@everyone what did Kono say"), so '@' never names a response file.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs a command line; help and failures go to the given writers.</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            return await CliErrors.ReportAsync(parse, error);
        }

        try
        {
            // Failures are reported by CliErrors as one line, not by System.CommandLine's handler with a stack trace.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (Exception e)
        {
            return await CliErrors.ReportAsync(e, parse.GetValue(CommonOptions.Verbose), error);
        }
    }

    internal static ParseResult Parse(string[] args) => CreateRootCommand().Parse(args, Parsing);

    private static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("ChatBrief answers questions about your team's documents with exact, cited quotes.")
        {
            CommonOptions.Sources,
            CommonOptions.Index,
            CommonOptions.Verbose,
        };
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainRankerCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(TeamsCommand.Create());
        root.Subcommands.Add(DiscordCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(GapsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(DataCommand.Create());
        return root;
    }
}
