using ChatBrief.Core.Indexing;
using Microsoft.Extensions.Options;

namespace ChatBrief.Cli;

/// <summary>Turns the failures a user can cause or fix into one line on stderr and a non-zero exit code.</summary>
internal static class CliErrors
{
    public static async Task<int> GuardAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception e) when (e is SourcesUnavailableException or IndexBuildInProgressException or IndexNotReadyException or IndexFolderException
                                       or ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException
                                       or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"chatbrief: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("chatbrief: cancelled.");
            return 130;
        }
    }
}
