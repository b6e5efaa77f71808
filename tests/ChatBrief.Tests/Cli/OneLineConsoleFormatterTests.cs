using ChatBrief.Cli;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBrief.Tests.Cli;

public class OneLineConsoleFormatterTests
{
    private static string Format(LogLevel level, string message, Exception? exception, bool verbose)
    {
        var options = new ServiceCollection().Configure<OneLineConsoleFormatterOptions>(o => o.Verbose = verbose).BuildServiceProvider()
            .GetRequiredService<IOptionsMonitor<OneLineConsoleFormatterOptions>>();
        var entry = new LogEntry<string>(level, "ChatBrief.Core.Indexing.IndexManager", new EventId(0), message, exception, (state, _) => state);
        var writer = new StringWriter();
        new OneLineConsoleFormatter(options).Write(entry, null, writer);
        return writer.ToString();
    }

    private static Exception Thrown()
    {
        try
        {
            throw new IOException("Format version is not supported");
        }
        catch (IOException e)
        {
            return e;
        }
    }

    [Fact]
    public void Write_WarningWithException_OneLineWithTheCauseAndNoStackTrace()
    {
        var line = Format(LogLevel.Warning, "The index at /data/index could not be read", Thrown(), verbose: false);

        Assert.Equal("warning: The index at /data/index could not be read (Format version is not supported)" + Environment.NewLine, line);
    }

    [Fact]
    public void Write_MessageOverSeveralLines_JoinedIntoOne()
    {
        var line = Format(LogLevel.Error, "first\nsecond", null, verbose: false);

        Assert.Equal("error: first second" + Environment.NewLine, line);
    }

    [Fact]
    public void Write_Verbose_AddsTheCategoryAndTheWholeException()
    {
        var text = Format(LogLevel.Warning, "The index could not be read", Thrown(), verbose: true);

        var lines = text.Split(Environment.NewLine);
        Assert.Equal("warning: ChatBrief.Core.Indexing.IndexManager: The index could not be read", lines[0]);
        Assert.Equal("System.IO.IOException: Format version is not supported", lines[1]);
        Assert.Contains(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
