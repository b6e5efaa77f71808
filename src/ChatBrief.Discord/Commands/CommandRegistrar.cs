using ChatBrief.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Discord.Commands;

/// <summary>Registers ChatBrief's slash commands with Discord; what <c>chatbrief discord register</c> runs.</summary>
public interface IDiscordCommandRegistrar
{
    /// <summary>
    /// Replaces the application's commands with ChatBrief's (bulk overwrite, so running it again changes nothing),
    /// globally or, with <paramref name="guildId"/>, in one server, where changes show at once (global ones can take a while).
    /// </summary>
    /// <returns>The names of the registered commands.</returns>
    /// <exception cref="InvalidOperationException">The settings are incomplete, or Discord refused the registration; the message says which.</exception>
    Task<IReadOnlyList<string>> RegisterAsync(string? guildId, CancellationToken cancellationToken);
}

internal sealed partial class CommandRegistrar(
    IDiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger) : IDiscordCommandRegistrar
{
    public async Task<IReadOnlyList<string>> RegisterAsync(string? guildId, CancellationToken cancellationToken)
    {
        if (DiscordSettings.ProblemForRegistration(options.Value) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        if (guildId is not null && !DiscordSettings.IsSnowflake(guildId))
        {
            throw new InvalidOperationException($"'{guildId}' is not a Discord server id (a number).");
        }

        // "contexts" (and the integration types derived from it) only apply to global commands; a server's commands are by
        // definition used in that server.
        var definitions = SlashCommandCatalog.Definitions
            .Select(definition => guildId is null ? definition : definition with { Contexts = null })
            .OrderBy(definition => definition.Name, StringComparer.Ordinal)
            .ToList();
        try
        {
            await rest.OverwriteCommandsAsync(definitions, guildId, cancellationToken);
        }
        catch (DiscordRestException exception)
        {
            throw new InvalidOperationException(exception.Message, exception);
        }

        var names = definitions.Select(definition => definition.Name).ToList();
        LogRegistered(names.Count, guildId ?? "global");
        return names;
    }

    [LoggerMessage(LogLevel.Information, "Registered {Count} Discord commands ({Scope})")]
    private partial void LogRegistered(int count, string scope);
}
