using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ChatBrief.Cli;

/// <summary>Whether log lines carry their category and the exception's stack trace (<c>--verbose</c>).</summary>
internal sealed class OneLineConsoleFormatterOptions : ConsoleFormatterOptions
{
    public bool Verbose { get; set; }
}

/// <summary>
/// One line a log message, "warning: …", with the exception's message as its cause: a person at a terminal wants the
/// reason, not .NET's type names and stack frames. With <c>--verbose</c> the category and the full exception follow.
/// </summary>
internal sealed class OneLineConsoleFormatter(IOptionsMonitor<OneLineConsoleFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "chatbrief";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var verbose = options.CurrentValue.Verbose;
        textWriter.Write(Label(logEntry.LogLevel));
        textWriter.Write(": ");
        if (verbose)
        {
            textWriter.Write(logEntry.Category);
            textWriter.Write(": ");
        }

        textWriter.Write(verbose ? message : CliErrors.OneLine(message));
        if (logEntry.Exception is { } exception && !verbose)
        {
            textWriter.Write($" ({CliErrors.Describe(exception)})");
        }

        textWriter.WriteLine();
        if (logEntry.Exception is not null && verbose)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "critical",
    };
}
