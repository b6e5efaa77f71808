using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBrief.Teams.AppPackage;

/// <summary>The zip that a Teams admin uploads (or a developer sideloads): manifest.json and the two icons.</summary>
public static class TeamsAppPackage
{
    private const string ResourcePrefix = "ChatBrief.Teams.AppPackage.";
    private static readonly string[] Icons = ["color.png", "outline.png"];

    /// <summary>Writes the package for the bot registered as <paramref name="appId"/> (its Microsoft App ID).</summary>
    /// <exception cref="ArgumentException"><paramref name="appId"/> is not a GUID.</exception>
    public static void Write(Stream destination, string appId)
    {
        if (!Guid.TryParse(appId, out var id))
        {
            throw new ArgumentException($"The app id '{appId}' is not a GUID; use the bot's Microsoft App ID from its Azure registration.");
        }

        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var manifest = zip.CreateEntry("manifest.json").Open())
        {
            manifest.Write(Manifest(id.ToString("D")));
        }

        foreach (var icon in Icons)
        {
            using var entry = zip.CreateEntry(icon).Open();
            using var resource = OpenResource(icon);
            resource.CopyTo(entry);
        }
    }

    /// <summary>The manifest with the app and bot ids filled in; Teams requires them all to be the bot's app id, since the bot also serves the message extension.</summary>
    internal static byte[] Manifest(string appId)
    {
        using var template = OpenResource("manifest.json");
        var manifest = JsonNode.Parse(template)!.AsObject();
        manifest["id"] = appId;
        foreach (var bot in manifest["bots"]!.AsArray().Concat(manifest["composeExtensions"]!.AsArray()))
        {
            bot!["botId"] = appId;
        }

        return JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true });
    }

    private static Stream OpenResource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"The Teams app package resource {name} is missing from the build.");
}
