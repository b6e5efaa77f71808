using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Configuration;

/// <summary>
/// Reports, as warnings, the settings of one section that would otherwise fail silently: a key no option reads (a typo
/// such as <c>Teams:AllowedServicHosts</c>), entries under a key that takes one value, and a <see cref="SecretAttribute"/>
/// setting found in a committed <c>appsettings*.json</c> file. It runs as an options validator that never fails, so the
/// report comes when the options are first validated (at start, with <c>ValidateOnStart</c>), for <c>serve</c> and the
/// one-shot commands alike.
/// </summary>
internal sealed partial class SettingsAudit<TOptions>(IConfiguration configuration, string section, ILogger logger) : IValidateOptions<TOptions>
    where TOptions : class
{
    private int _reported;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        // IOptions and IOptionsMonitor each build and validate an instance of their own: report once, at the first.
        if (name != Options.DefaultName || Interlocked.Exchange(ref _reported, 1) == 1)
        {
            return ValidateOptionsResult.Skip;
        }

        var settings = SettingProperties.Of(typeof(TOptions)).ToDictionary(property => property.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var key in configuration.GetSection(section).GetChildren())
        {
            if (!settings.TryGetValue(key.Key, out var property))
            {
                LogUnknown(key.Path, string.Join(", ", settings.Keys));
            }
            else if (!SettingProperties.IsStringList(property) && key.GetChildren().Any())
            {
                LogEntriesIgnored(key.Path);
            }
        }

        if (configuration is IConfigurationRoot root)
        {
            foreach (var secret in settings.Values.Where(property => property.IsDefined(typeof(SecretAttribute))))
            {
                var key = $"{section}{ConfigurationPath.KeyDelimiter}{secret.Name}";
                foreach (var file in CommittedSettingsFiles.Holding(root, key))
                {
                    LogSecretInFile(key, file);
                }
            }
        }

        return ValidateOptionsResult.Success;
    }

    [LoggerMessage(LogLevel.Warning, "Setting {SettingKey} is unknown and ignored; check its spelling (known here: {KnownSettings})")]
    private partial void LogUnknown(string settingKey, string knownSettings);

    [LoggerMessage(LogLevel.Warning, "Setting {SettingKey} takes one value; the entries under it are ignored")]
    private partial void LogEntriesIgnored(string settingKey);

    [LoggerMessage(LogLevel.Warning, "Secret setting {SettingKey} is set in {SettingsFile}, a file that is committed: move it to an environment variable or 'dotnet user-secrets' and change the secret")]
    private partial void LogSecretInFile(string settingKey, string settingsFile);
}

/// <summary>The log category of the settings audit, one for every section.</summary>
internal static class SettingsAudit
{
    public const string LogCategory = "ChatBrief.Settings";
}
