using System.CommandLine;
using ChatBrief.Core;
using ChatBrief.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBrief.Cli;

/// <summary>Options every command takes, and the service container the one-shot commands run on.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Sources = new("--sources")
    {
        Description = "The folder of source documents (default: Sources:Path in appsettings.json, 'seeds').",
        Recursive = true,
    };

    public static readonly Option<string?> Index = new("--index")
    {
        Description = "The folder of the Lucene index (default: Index:Path in appsettings.json, 'index').",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Say more while working, and show the full details (stack traces) of a failure.",
        Recursive = true,
    };

    /// <summary>
    /// The same configuration and core services as <c>serve</c>, without starting a server. Logs go to stderr
    /// (<see cref="CliLogging"/>) so that stdout carries only the command's output.
    /// </summary>
    public static IHost BuildHost(ParseResult parse)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.AddUserSecretsInEveryEnvironment();
        builder.Configuration.AddInMemoryCollection(Overrides(parse));
        CliLogging.ForCommand(builder.Logging, parse.GetValue(Verbose));
        builder.AddChatBriefCore();
        var host = builder.Build();
        // One-shot commands never start the host, so the settings are checked here, before any work is done.
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }

    /// <summary>Command-line folders win over appsettings.json and environment variables.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Overrides(ParseResult parse)
    {
        if (parse.GetValue(Sources) is { } sources)
        {
            yield return new($"{SourcesOptions.Section}:Path", sources);
        }

        if (parse.GetValue(Index) is { } index)
        {
            yield return new($"{IndexOptions.Section}:Path", index);
        }
    }
}
