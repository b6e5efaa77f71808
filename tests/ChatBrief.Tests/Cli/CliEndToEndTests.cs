using System.Text.Json;

namespace ChatBrief.Tests.Cli;

/// <summary>The built executable on a temporary copy of the seeds: <c>index</c>, <c>audit</c>, <c>serve</c> and <c>--help</c> (docs/CONTRACTS.md).</summary>
public sealed class CliEndToEndTests : SeedsCliTests
{
    [Fact]
    public async Task Index_BadFilesAmongSources_SkipsThemWithReasonsAndIndexesTheRest()
    {
        File.WriteAllBytes(Path.Combine(Workspace.SourcesPath, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]);
        File.WriteAllText(Path.Combine(Workspace.SourcesPath, "empty.md"), "");
        File.WriteAllText(Path.Combine(Workspace.SourcesPath, "report.docx"), "not really a docx");

        var result = await RunAsync("index");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Documents: 3", result.StandardOutput);
        Assert.Contains("skipped image.txt", result.StandardOutput);
        Assert.Contains("skipped empty.md", result.StandardOutput);
        Assert.Contains("skipped report.docx", result.StandardOutput);
    }

    [Fact]
    public async Task Index_AlreadyBuilt_LeavesUnchangedSourcesAlone()
    {
        var result = await RunAsync("index");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 unchanged", result.StandardOutput);
    }

    [Fact]
    public async Task Index_LegacyEncodingAndBrokenSidecar_IndexedWithANoteEach()
    {
        File.WriteAllBytes(Path.Combine(Workspace.SourcesPath, "legacy.txt"), [.. "The caf"u8, 0xE9, .. " served cr"u8, 0xE8, .. "me br"u8, 0xFB, .. "l"u8, 0xE9, .. "e to the delegates.\n"u8]);
        File.Copy(Path.Combine(Workspace.SourcesPath, "000_a0faeb7ade4ac0d7.txt"), Path.Combine(Workspace.SourcesPath, "copy.txt"));
        File.WriteAllText(Path.Combine(Workspace.SourcesPath, "copy.txt.meta.json"), """{"title": "Unfinished""");

        var indexed = await RunAsync("index");
        var asked = await RunAsync("ask", "--json", "--top", "1", "Who served crème brûlée?");

        Assert.Equal(0, indexed.ExitCode);
        Assert.Contains("Documents: 5", indexed.StandardOutput);
        Assert.Contains("0 skipped", indexed.StandardOutput);
        Assert.Contains("  note on legacy.txt: not valid UTF-8; read as Windows-1252 (re-save it as UTF-8 if characters look wrong)", indexed.StandardOutput);
        Assert.Contains("  note on copy.txt: ignored copy.txt.meta.json: not valid JSON (at character 22)", indexed.StandardOutput);
        using var answer = JsonDocument.Parse(asked.StandardOutput);
        var first = answer.RootElement.GetProperty("results")[0];
        Assert.Equal("legacy.txt", first.GetProperty("source").GetString());
        Assert.Equal("The café served crème brûlée to the delegates.", first.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Audit_Last_PrintsTheLatestModeratorActionsOldestFirst()
    {
        Directory.CreateDirectory(Workspace.IndexPath);
        File.WriteAllLines(Path.Combine(Workspace.IndexPath, "audit.jsonl"),
        [
            """{"at":"2026-11-23T09:00:00+00:00","platform":"discord","user_id":"5","user_name":"Sam","action":"alias add","target":"A = B","result":"done"}""",
            """{"at":"2026-11-23T10:00:00+00:00","platform":"teams","user_id":"aad-1","action":"source remove","target":"a.txt","result":"refused","detail":"not a moderator"}""",
        ]);

        var result = await RunAsync("audit", "--last", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2026-11-23 10:00 UTC, teams aad-1: source remove a.txt: refused. not a moderator", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Serve_PortInUse_OneLineNamingTheAddressAndHowToChooseAnother()
    {
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)occupant.LocalEndpoint).Port}";

        var result = await RunAsync("serve", "--urls", address);

        Assert.Equal(1, result.ExitCode);
        var failure = Assert.Single(result.StandardError.Split('\n'), line => line.StartsWith("chatbrief:", StringComparison.Ordinal));
        Assert.Equal($"chatbrief: {address} is already in use by another program: stop it, or listen elsewhere with --urls or the Urls setting.", failure.TrimEnd());
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.DoesNotContain("Exception", result.StandardError);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var result = await RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "ask", "index", "eval", "train-ranker", "bench", "serve", "teams" })
        {
            Assert.Contains(command, result.StandardOutput);
        }
    }
}
