using System.Reflection;
using ChatBrief.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.Hosting;

namespace ChatBrief.Tests.Hosting;

public sealed class UserSecretsTests
{
    [Fact]
    public void The_executable_has_a_user_secrets_id()
    {
        var attribute = typeof(UserSecrets).Assembly.GetCustomAttribute<UserSecretsIdAttribute>();

        Assert.True(Guid.TryParse(attribute?.UserSecretsId, out _));
    }

    [Fact]
    public void Outside_development_user_secrets_load_above_the_settings_files_and_below_the_environment()
    {
        var builder = HostBuilder(Environments.Production);

        builder.AddUserSecretsInEveryEnvironment();

        var sources = builder.Configuration.Sources;
        var secrets = sources.IndexOf(Assert.Single(sources, IsUserSecrets));
        var lastSettingsFile = sources.Select((source, index) => (source, index)).Last(pair => pair.source is JsonConfigurationSource { Path: "appsettings.Production.json" }).index;
        var environment = sources.Select((source, index) => (source, index)).Single(pair => pair.source is EnvironmentVariablesConfigurationSource { Prefix: null or "" }).index;
        Assert.InRange(secrets, lastSettingsFile + 1, environment - 1);
    }

    [Fact]
    public void In_development_the_host_has_loaded_them_already()
    {
        var builder = HostBuilder(Environments.Development);

        builder.AddUserSecretsInEveryEnvironment();

        Assert.Single(builder.Configuration.Sources, IsUserSecrets);
    }

    private static HostApplicationBuilder HostBuilder(string environment) => Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        EnvironmentName = environment,
        ApplicationName = typeof(UserSecrets).Assembly.GetName().Name,
        ContentRootPath = Path.GetTempPath(),
    });

    private static bool IsUserSecrets(IConfigurationSource source) => source is JsonConfigurationSource { Path: "secrets.json" };
}
