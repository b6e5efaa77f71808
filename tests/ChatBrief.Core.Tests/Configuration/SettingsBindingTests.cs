using ChatBrief.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Tests.Configuration;

public sealed class SettingsBindingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chatbrief-settings-{Guid.NewGuid():N}");
    private readonly FakeLoggerProvider _logs = new();

    public SettingsBindingTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void A_comma_separated_value_binds_every_kind_of_list()
    {
        var options = Bind(new() { ["Sample:Hosts"] = "a.example, b.example", ["Sample:Roles"] = "1,2,,3" });

        Assert.Equal(["a.example", "b.example"], options.Hosts);
        Assert.Equal(["1", "2", "3"], options.Roles);
    }

    [Fact]
    public void A_comma_separated_value_replaces_the_settings_file_list()
    {
        var options = Bind(new() { ["Sample:Hosts"] = "127.0.0.1" }, """{"Sample": {"Hosts": ["a.example", "b.example"]}}""");

        Assert.Equal(["127.0.0.1"], options.Hosts);
    }

    [Fact]
    public void Numbered_entries_replace_the_settings_file_list_whole()
    {
        var options = Bind(new() { ["Sample:Hosts:0"] = "127.0.0.1" }, """{"Sample": {"Hosts": ["a.example", "b.example"]}}""");

        Assert.Equal(["127.0.0.1"], options.Hosts);
    }

    [Fact]
    public void A_list_no_source_sets_keeps_its_default_and_one_only_the_file_sets_is_read_from_it()
    {
        var options = Bind([], """{"Sample": {"Hosts": ["a.example", "b.example"]}}""");

        Assert.Equal(["a.example", "b.example"], options.Hosts);
        Assert.Equal(["default"], options.Roles);
    }

    [Fact]
    public void An_empty_value_empties_the_list()
    {
        var options = Bind(new() { ["Sample:Roles"] = "" });

        Assert.Empty(options.Roles);
    }

    [Fact]
    public void An_unknown_key_is_reported_by_name_at_start()
    {
        Bind(new() { ["Sample:Hostz"] = "a.example", ["Sample:Hosts"] = "b.example" });

        var warning = Assert.Single(Warnings());
        Assert.Equal("Sample:Hostz", warning.GetStructuredStateValue("SettingKey"));
    }

    [Fact]
    public void Entries_under_a_single_value_setting_are_reported()
    {
        Bind(new() { ["Sample:Top:0"] = "5" });

        var warning = Assert.Single(Warnings());
        Assert.Equal("Sample:Top", warning.GetStructuredStateValue("SettingKey"));
    }

    [Fact]
    public void A_secret_in_the_committed_settings_file_is_reported_by_key_and_never_by_value()
    {
        Bind([], """{"Sample": {"Token": "s3cr3t-token"}}""");

        var warning = Assert.Single(Warnings());
        Assert.Equal("Sample:Token", warning.GetStructuredStateValue("SettingKey"));
        Assert.Equal("appsettings.json", warning.GetStructuredStateValue("SettingsFile"));
        Assert.DoesNotContain(_logs.Collector.GetSnapshot(), record => record.Message.Contains("s3cr3t-token") || record.StructuredState!.Any(pair => pair.Value?.Contains("s3cr3t-token") == true));
    }

    [Fact]
    public void A_secret_from_the_environment_or_an_empty_one_in_the_file_is_not_reported()
    {
        Bind(new() { ["Sample:Token"] = "s3cr3t-token" }, """{"Sample": {"Token": "", "Hosts": ["a.example"], "Top": 3}}""");

        Assert.Empty(Warnings());
    }

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Binds <see cref="SampleOptions"/> as a host would: the settings file below the other values, validated at start.</summary>
    private SampleOptions Bind(Dictionary<string, string?> values, string? settingsFile = null)
    {
        var configuration = new ConfigurationBuilder().SetBasePath(_folder);
        if (settingsFile is not null)
        {
            File.WriteAllText(Path.Combine(_folder, "appsettings.json"), settingsFile);
            configuration.AddJsonFile("appsettings.json");
        }

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration.AddInMemoryCollection(values).Build())
            .AddLogging(logging => logging.AddProvider(_logs));
        services.AddOptions<SampleOptions>().BindSettings("Sample").ValidateOnStart();
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<SampleOptions>>().Value;
    }

    private IReadOnlyList<FakeLogRecord> Warnings() =>
        _logs.Collector.GetSnapshot().Where(record => record.Level == LogLevel.Warning && record.Category == "ChatBrief.Settings").ToList();

    public sealed class SampleOptions
    {
        public List<string> Hosts { get; set; } = [];

        public string[] Roles { get; set; } = ["default"];

        public int Top { get; set; } = 3;

        [Secret]
        public string? Token { get; set; }
    }
}
