using ChatBrief.Cli;

namespace ChatBrief.Tests.Cli;

public class CliErrorsTests
{
    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    [Fact]
    public async Task Report_ArgumentError_IsItsMessageAloneWithoutTheParameterName()
    {
        var error = new StringWriter();

        var exitCode = await CliErrors.ReportAsync(Thrown(new ArgumentException("The question is empty.", "request")), verbose: false, error);

        Assert.Equal(1, exitCode);
        Assert.Equal("chatbrief: The question is empty." + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task Report_UnexpectedFailure_OneLineThatPointsToVerbose()
    {
        var error = new StringWriter();

        await CliErrors.ReportAsync(Thrown(new InvalidOperationException("Something broke\nacross two lines.")), verbose: false, error);

        Assert.Equal("chatbrief: Something broke across two lines. (run again with --verbose for details)" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task Report_Verbose_AddsTheStackTrace()
    {
        var error = new StringWriter();

        await CliErrors.ReportAsync(Thrown(new InvalidOperationException("Something broke.")), verbose: true, error);

        var lines = error.ToString().Split(Environment.NewLine);
        Assert.Equal("chatbrief: Something broke.", lines[0]);
        Assert.Equal("System.InvalidOperationException: Something broke.", lines[1]);
        Assert.Contains(lines, line => line.TrimStart().StartsWith($"at {nameof(ChatBrief)}.{nameof(Tests)}.{nameof(Cli)}.{nameof(CliErrorsTests)}.{nameof(Thrown)}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_Cancelled_Exits130()
    {
        var error = new StringWriter();

        var exitCode = await CliErrors.ReportAsync(new OperationCanceledException(), verbose: false, error);

        Assert.Equal(130, exitCode);
        Assert.Equal("chatbrief: cancelled." + Environment.NewLine, error.ToString());
    }
}
