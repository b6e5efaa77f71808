using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Configuration;

/// <summary>
/// Binds each list setting of <typeparamref name="TOptions"/> from the highest-priority source that sets it, whole:
/// either as one comma-separated value (<c>Teams__AllowedServiceHosts=a,b</c>) or as numbered entries
/// (<c>Teams__AllowedServiceHosts__0=a</c>). The configuration binder alone ignores the first form, and merges the
/// second entry by entry with the lists of lower sources, so one entry set in the environment would keep the rest of
/// <c>appsettings.json</c>'s list.
/// </summary>
internal sealed class WholeListSettings<TOptions>(IConfiguration configuration, string section) : IPostConfigureOptions<TOptions>
    where TOptions : class
{
    public void PostConfigure(string? name, TOptions options)
    {
        // Only the default instance is bound to the section; a configuration without providers has no sources to rank.
        if (name != Options.DefaultName || configuration is not IConfigurationRoot root)
        {
            return;
        }

        foreach (var property in SettingProperties.Of(typeof(TOptions)).Where(SettingProperties.IsStringList))
        {
            if (Read(root, $"{section}:{property.Name}") is { } values)
            {
                property.SetValue(options, property.PropertyType == typeof(string[]) ? values.ToArray() : values.ToList());
            }
        }
    }

    /// <summary>The list as the highest-priority source that sets <paramref name="key"/> has it, or null when none does.</summary>
    internal static IReadOnlyList<string>? Read(IConfigurationRoot root, string key)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            var entries = provider.GetChildKeys([], key).Distinct().ToList();
            if (entries.Count > 0)
            {
                return entries
                    .Select(entry => provider.TryGet($"{key}{ConfigurationPath.KeyDelimiter}{entry}", out var value) ? value : null)
                    .OfType<string>()
                    .ToList();
            }

            if (provider.TryGet(key, out var joined))
            {
                return (joined ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return null;
    }
}
