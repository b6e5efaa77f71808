namespace ChatBrief.Tests.Cli;

/// <summary><c>ask</c> where the index is missing or damaged: it is built from the sources first, saying why.</summary>
public sealed class AskWithoutAUsableIndexCliTests : SeedsCliTests
{
    [Fact]
    public async Task Ask_FirstUse_BuildsTheIndexAndQuotesTheAnsweringPassage()
    {
        Directory.Delete(Workspace.IndexPath, recursive: true);

        var result = await RunAsync("ask", "What did Iwaya say about the F-35A?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Built the index", result.StandardError);
        Assert.Contains("Takeshi Iwaya requested cooperation from the US in investigating the crash of an F-35A fighter", result.StandardOutput);
        Assert.Contains("000_a0faeb7ade4ac0d7.txt, paragraph 3", result.StandardOutput);
        Assert.True(Directory.EnumerateFiles(Workspace.IndexPath, "segments_*").Any());
    }

    [Fact]
    public async Task Ask_MissingSourcesFolderOnFirstUse_FailsWithOneLineReason()
    {
        Directory.Delete(Workspace.IndexPath, recursive: true);

        var result = await RunAsync("ask", "--sources", "no-such-folder", "anything?");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-such-folder", result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task Ask_CorruptIndex_RebuildsFromTheSourcesAndSaysWhy()
    {
        foreach (var file in Directory.EnumerateFiles(Workspace.IndexPath))
        {
            File.WriteAllText(file, "garbage");
        }

        var result = await RunAsync("ask", "When was the treaty signed?");

        Assert.Equal(0, result.ExitCode);
        var notice = Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.StartsWith("Built the index from", notice);
        Assert.Contains("could not be read", notice);
        Assert.Contains("1960", result.StandardOutput);
    }

    [Fact]
    public async Task Ask_CorruptIndexWithVerbose_ShowsTheStackTrace()
    {
        foreach (var file in Directory.EnumerateFiles(Workspace.IndexPath))
        {
            File.WriteAllText(file, "garbage");
        }

        var result = await RunAsync("ask", "--verbose", "When was the treaty signed?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: ChatBrief.Core.Indexing.IndexManager: The index at", result.StandardError);
        Assert.Contains("   at Lucene.Net.", result.StandardError);
    }
}
