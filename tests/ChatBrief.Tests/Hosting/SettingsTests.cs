using ChatBrief.Core;
using ChatBrief.Discord;
using ChatBrief.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ChatBrief.Tests.Hosting;

/// <summary>The settings of the real registrations, read from the repository's own <c>appsettings.json</c>.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly FakeLoggerProvider _logs = new();

    [Fact]
    public void Comma_separated_list_settings_replace_the_committed_lists()
    {
        using var host = BuildHost(new()
        {
            ["Teams:AllowedServiceHosts"] = "127.0.0.1,localhost",
            ["Teams:ModeratorAadObjectIds"] = "0b1a, 7c2d",
            ["Discord:ModeratorRoleIds"] = "111,222",
        });

        var teams = host.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        Assert.Equal(["127.0.0.1", "localhost"], teams.AllowedServiceHosts);
        Assert.Equal(["0b1a", "7c2d"], teams.ModeratorAadObjectIds);
        Assert.Equal(["111", "222"], host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value.ModeratorRoleIds);
    }

    [Fact]
    public void The_committed_settings_file_holds_only_known_settings_and_no_secret()
    {
        using var host = BuildHost([]);

        Assert.Empty(SettingsWarnings());
        Assert.Equal(TeamsOptions.MicrosoftServiceHosts, host.Services.GetRequiredService<IOptions<TeamsOptions>>().Value.AllowedServiceHosts);
    }

    [Fact]
    public void A_misspelt_setting_is_reported_by_name_at_start()
    {
        using var host = BuildHost(new() { ["Teams:AllowedServicHosts"] = "127.0.0.1" });

        var warning = Assert.Single(SettingsWarnings());
        Assert.Equal("Teams:AllowedServicHosts", warning.GetStructuredStateValue("SettingKey"));
    }

    public void Dispose() => _logs.Dispose();

    /// <summary>The core and both doors as <c>serve</c> registers them, over the repository's settings plus <paramref name="overrides"/>, validated as at start.</summary>
    private IHost BuildHost(Dictionary<string, string?> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = SeedsWorkspace.RepositoryRoot(),
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders().AddProvider(_logs);
        builder.AddChatBriefCore();
        builder.AddDiscord();
        builder.AddTeams();
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    private IReadOnlyList<FakeLogRecord> SettingsWarnings() =>
        _logs.Collector.GetSnapshot().Where(record => record.Level == LogLevel.Warning && record.Category == "ChatBrief.Settings").ToList();
}
