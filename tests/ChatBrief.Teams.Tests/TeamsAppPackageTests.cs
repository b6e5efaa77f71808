using System.IO.Compression;
using System.Text.Json.Nodes;
using ChatBrief.Teams.AppPackage;
using ChatBrief.Teams.MessageExtension;

namespace ChatBrief.Teams.Tests;

public sealed class TeamsAppPackageTests
{
    private const string AppId = "5f0e1c7a-3b2d-4e8f-9a61-0c2b7d4e8f13";

    [Fact]
    public void Write_AppId_ZipWithManifestAndIcons()
    {
        using var zip = Package();

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public void Write_AppId_ManifestNamesTheBotWithCommandsInAllScopes()
    {
        using var zip = Package();
        using var stream = zip.GetEntry("manifest.json")!.Open();

        var manifest = JsonNode.Parse(stream)!;

        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.StartsWith("https://developer.microsoft.com/json-schemas/teams/v1.", manifest["$schema"]!.GetValue<string>());
        var bot = manifest["bots"]![0]!;
        Assert.Equal(AppId, bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["help", "sources", "status", "reindex", "remove", "aliases", "alias", "audit", "gaps"], bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.True(bot["supportsFiles"]!.GetValue<bool>());
    }

    [Fact]
    public void Write_AppId_ManifestDeclaresTheSearchExtensionTheBotAnswers()
    {
        using var zip = Package();
        using var stream = zip.GetEntry("manifest.json")!.Open();

        var extension = Assert.Single(JsonNode.Parse(stream)!["composeExtensions"]!.AsArray())!;

        Assert.Equal(AppId, extension["botId"]!.GetValue<string>());
        var command = Assert.Single(extension["commands"]!.AsArray())!;
        Assert.Equal((SearchQuery.CommandId, "query"), (command["id"]!.GetValue<string>(), command["type"]!.GetValue<string>()));
        Assert.Equal(SearchQuery.ParameterName, Assert.Single(command["parameters"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Write_AppId_IconsHaveTheSizesTeamsRequires(string icon, int size)
    {
        using var zip = Package();
        using var stream = zip.GetEntry(icon)!.Open();
        var header = new byte[24];
        stream.ReadExactly(header);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], header[..4]);
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4)));
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20, 4)));
    }

    [Fact]
    public void Write_NotAGuid_Throws()
    {
        Assert.Throws<ArgumentException>(() => TeamsAppPackage.Write(new MemoryStream(), "chatbrief"));
    }

    private static ZipArchive Package()
    {
        var buffer = new MemoryStream();
        TeamsAppPackage.Write(buffer, AppId);
        buffer.Position = 0;
        return new ZipArchive(buffer, ZipArchiveMode.Read);
    }
}
