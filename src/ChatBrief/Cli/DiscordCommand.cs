using System.CommandLine;
using ChatBrief.Discord;
using ChatBrief.Discord.Commands;
using ChatBrief.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace ChatBrief.Cli;

/// <summary><c>chatbrief discord register [--guild ID]</c>: registers the slash commands with Discord.</summary>
internal static class DiscordCommand
{
    public static Command Create()
    {
        var guild = new Option<string?>("--guild")
        {
            Description = "Register in this server only (changes show at once); without it, commands are registered globally.",
        };
        var register = new Command("register", "Register (or update) ChatBrief's slash commands with Discord. Needs Discord:ApplicationId and Discord:BotToken.")
        {
            guild,
        };
        register.SetAction((parseResult, cancellationToken) => RegisterAsync(parseResult.GetValue(guild), parseResult.GetValue(CommonOptions.Verbose), parseResult.InvocationConfiguration.Output, cancellationToken));

        return new Command("discord", "Discord administration.") { register };
    }

    private static async Task<int> RegisterAsync(string? guildId, bool verbose, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            Args = [],
        });
        builder.AddUserSecretsInEveryEnvironment();
        // Warnings (a rate limit, a retry) go to stderr; stdout carries only the outcome.
        CliLogging.ForCommand(builder.Logging, verbose);
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Polly", LogLevel.None);
        builder.AddDiscord();
        using var host = builder.Build();
        IReadOnlyCollection<string> names;
        try
        {
            names = await host.Services.GetRequiredService<IDiscordCommandRegistrar>().RegisterAsync(guildId, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            throw new CommandFailedException($"discord register: {exception.Message}", exception);
        }

        var scope = guildId is null ? "globally" : $"in server {guildId}";
        await output.WriteLineAsync($"Registered {names.Count} commands {scope}: {string.Join(", ", names.Select(name => "/" + name))}.");
        return 0;
    }
}
