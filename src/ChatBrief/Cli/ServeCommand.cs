using System.CommandLine;
using ChatBrief.Hosting;

namespace ChatBrief.Cli;

/// <summary><c>serve</c>: the HTTP host with the Discord and Teams doors, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default: Urls in appsettings.json, http://127.0.0.1:5080)." };
        var command = new Command("serve", "Serve the chat doors (Discord interactions, Teams activities) and /healthz.") { urls };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(async () =>
        {
            var args = CommonOptions.Overrides(parse).Select(o => $"--{o.Key}={o.Value}").ToList();
            if (parse.GetValue(urls) is { } listen)
            {
                args.Add($"--urls={listen}");
            }

            await using var app = ChatBriefWebApp.Build([.. args], builder => builder.AddUserSecretsInEveryEnvironment());
            await app.RunAsync(cancellationToken);
            return 0;
        }));
        return command;
    }
}
