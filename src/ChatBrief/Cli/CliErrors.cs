using System.CommandLine;
using ChatBrief.Core.Indexing;
using Microsoft.Extensions.Options;

namespace ChatBrief.Cli;

/// <summary>
/// Turns every failure into one line on stderr and a non-zero exit code: 1 for a failure, 130 for a cancel. The stack
/// trace is written only with <c>--verbose</c>, for whoever fixes a bug.
/// </summary>
internal static class CliErrors
{
    private const int Failed = 1;
    private const int Cancelled = 130;

    /// <summary>A command line that could not be parsed: its most specific problem, and where to read how the command is used.</summary>
    public static async Task<int> ReportAsync(ParseResult parse, TextWriter error)
    {
        // An unknown word explains the errors that follow from it ("chatbrief aks" also lacks a command).
        var problem = parse.UnmatchedTokens.Count > 0
            ? $"'{parse.UnmatchedTokens[0]}' is not a command, option or argument here."
            : parse.Errors[0].Message;
        await error.WriteLineAsync($"chatbrief: {OneLine(problem)} See '{CommandPath(parse.CommandResult.Command)} --help'.");
        return Failed;
    }

    public static async Task<int> ReportAsync(Exception exception, bool verbose, TextWriter error)
    {
        if (exception is OperationCanceledException)
        {
            await error.WriteLineAsync("chatbrief: cancelled.");
            return Cancelled;
        }

        var hint = IsExpected(exception) || verbose ? "" : " (run again with --verbose for details)";
        await error.WriteLineAsync($"chatbrief: {Describe(exception)}{hint}");
        if (verbose)
        {
            await error.WriteLineAsync(exception.ToString());
        }

        return Failed;
    }

    /// <summary>The exception's message as one line, without the parameter name .NET appends to argument errors.</summary>
    public static string Describe(Exception exception)
    {
        var message = exception.Message;
        if (exception is ArgumentException { ParamName: { } parameter } && message.EndsWith($" (Parameter '{parameter}')", StringComparison.Ordinal))
        {
            message = message[..^$" (Parameter '{parameter}')".Length];
        }

        return OneLine(message);
    }

    /// <summary>Failures a user causes or can fix, whose message says all there is to say.</summary>
    private static bool IsExpected(Exception exception) =>
        exception is CommandFailedException or SourcesUnavailableException or IndexBuildInProgressException or IndexNotReadyException or IndexFolderException
            or ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException
            or OptionsValidationException;

    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is not null; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Add(symbol is RootCommand ? "chatbrief" : symbol.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
