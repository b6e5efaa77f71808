using ChatBrief.Core.Indexing;
using Microsoft.Extensions.Logging.Console;

namespace ChatBrief.Cli;

/// <summary>
/// Console logging for the command line: every message on stderr, so that stdout carries only a command's output,
/// and one line each through <see cref="OneLineConsoleFormatter"/>.
/// </summary>
internal static class CliLogging
{
    /// <summary>One-shot commands show only warnings worth the user's attention; <c>--verbose</c> adds their progress.</summary>
    public static void ForCommand(ILoggingBuilder logging, bool verbose)
    {
        AddConsole(logging, verbose);
        // A provider-specific rule outranks appsettings.json's LogLevel, which is tuned for `serve`.
        logging.AddFilter<ConsoleLoggerProvider>(null, verbose ? LogLevel.Information : LogLevel.Warning);
        if (!verbose)
        {
            // Its one warning, an unreadable index, is the rebuild reason that every command prints with the rebuild.
            logging.AddFilter<ConsoleLoggerProvider>(typeof(IndexManager).FullName, LogLevel.Error);
        }
    }

    /// <summary><c>serve</c> keeps appsettings.json's levels: its log is the operator's record of what it does.</summary>
    public static void ForServer(ILoggingBuilder logging, bool verbose)
    {
        AddConsole(logging, verbose);
        if (!verbose)
        {
            // The host logs its own failure to start (a port in use) with a stack trace; the command line reports it in one line.
            logging.AddFilter<ConsoleLoggerProvider>("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        }
    }

    private static void AddConsole(ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        logging.AddConsole(options =>
        {
            options.FormatterName = OneLineConsoleFormatter.Name;
            options.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        logging.AddConsoleFormatter<OneLineConsoleFormatter, OneLineConsoleFormatterOptions>(options => options.Verbose = verbose);
    }
}
