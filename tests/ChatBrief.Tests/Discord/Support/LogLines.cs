using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatBrief.Tests.Discord.Support;

internal static class LogLines
{
    /// <summary>The lines an operator would read at the default level, each as <c>Level: message</c>.</summary>
    public static IReadOnlyList<string> Lines(this FakeLogCollector log) =>
        log.GetSnapshot().Where(record => record.Level >= LogLevel.Information).Select(record => $"{record.Level}: {record.Message}").ToList();
}
