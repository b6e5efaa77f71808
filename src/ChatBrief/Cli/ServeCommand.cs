using System.CommandLine;
using ChatBrief.Hosting;
using Microsoft.AspNetCore.Connections;

namespace ChatBrief.Cli;

/// <summary><c>serve</c>: the HTTP host with the Discord and Teams doors, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default: Urls in appsettings.json, http://127.0.0.1:5080)." };
        var command = new Command("serve", "Serve the chat doors (Discord interactions, Teams activities) and /healthz.") { urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = CommonOptions.Overrides(parse).Select(o => $"--{o.Key}={o.Value}").ToList();
            if (parse.GetValue(urls) is { } listen)
            {
                args.Add($"--urls={listen}");
            }

            var verbose = parse.GetValue(CommonOptions.Verbose);
            await using var app = ChatBriefWebApp.Build([.. args], builder =>
            {
                builder.AddUserSecretsInEveryEnvironment();
                CliLogging.ForServer(builder.Logging, verbose);
            });
            // Read now: a host that failed to start has disposed its services, configuration included.
            var address = app.Configuration[WebHostDefaults.ServerUrlsKey];
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException)
            {
                // Stopped before it is disposed, so that background services already running end as stopped, not as
                // cancelled mid-start (which the host would log as a critical failure of its own).
                await app.StopAsync(CancellationToken.None);
                throw new CommandFailedException($"{address} is already in use by another program: stop it, or listen elsewhere with --urls or the Urls setting.", e);
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
