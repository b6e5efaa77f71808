using System.Reflection;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace ChatBrief.Hosting;

/// <summary>
/// Loads the secrets that <c>dotnet user-secrets set</c> stores for this project (its <c>UserSecretsId</c>). The host
/// loads them by itself only in the Development environment, but <c>chatbrief</c> runs in Production unless told
/// otherwise, so <c>dotnet user-secrets set Discord:BotToken …</c> followed by <c>serve</c> would silently miss them.
/// Where no secrets file exists (a server, where secrets come from the environment) this adds nothing.
/// </summary>
public static class UserSecrets
{
    /// <summary>
    /// Adds the user secrets where the Development host puts them: above the <c>appsettings*.json</c> files and below
    /// environment variables and the command line, which keep the last word.
    /// </summary>
    public static IHostApplicationBuilder AddUserSecretsInEveryEnvironment(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var secrets = new ConfigurationBuilder().AddUserSecrets(Assembly.GetExecutingAssembly(), optional: true, reloadOnChange: false).Sources;
        var sources = builder.Configuration.Sources;
        var position = FirstUnprefixedEnvironmentSource(sources);
        foreach (var source in secrets)
        {
            sources.Insert(position++, source);
        }

        return builder;
    }

    /// <summary>
    /// The place of the environment variables without prefix (<c>Discord__BotToken</c>); the <c>DOTNET_</c> and
    /// <c>ASPNETCORE_</c> ones before them only set up the host. Without one, the end.
    /// </summary>
    private static int FirstUnprefixedEnvironmentSource(IList<IConfigurationSource> sources)
    {
        for (var index = 0; index < sources.Count; index++)
        {
            if (sources[index] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                return index;
            }
        }

        return sources.Count;
    }
}
