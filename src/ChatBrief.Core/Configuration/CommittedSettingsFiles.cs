using Microsoft.Extensions.Configuration;

namespace ChatBrief.Core.Configuration;

/// <summary>
/// The settings files that live in the repository: <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c>.
/// User secrets are a JSON file too (<c>secrets.json</c>), outside the repository, so they are told apart by name.
/// </summary>
internal static class CommittedSettingsFiles
{
    /// <summary>The names of the committed settings files that give <paramref name="key"/> a non-empty value.</summary>
    public static IEnumerable<string> Holding(IConfigurationRoot root, string key) =>
        root.Providers
            .OfType<FileConfigurationProvider>()
            .Where(provider => IsCommitted(provider.Source.Path))
            .Where(provider => provider.TryGet(key, out var value) && !string.IsNullOrWhiteSpace(value))
            .Select(provider => provider.Source.Path!);

    private static bool IsCommitted(string? path) =>
        Path.GetFileName(path) is { } name
        && name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
        && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
