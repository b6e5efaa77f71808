using System.Text.Json;

namespace ChatBrief.Tests.Cli;

/// <summary><c>ask</c> on the seeds' built index, as a user types it, and the failures it reports in one line.</summary>
public sealed class AskCliTests : SeedsCliTests
{
    [Fact]
    public async Task Ask_MisspelledName_AnswersAndSaysWhatItSearchedFor()
    {
        var result = await RunAsync("ask", "What did Iwya say about the F-35A?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(Searched for “Iwaya” instead of “Iwya”.)", result.StandardOutput);
        Assert.Contains("Takeshi Iwaya requested cooperation", result.StandardOutput);
    }

    [Fact]
    public async Task AskJson_Question_PrintsTheDesignShapeWithExactQuotes()
    {
        var result = await RunAsync("ask", "--json", "--top", "2", "Who is Kate Polit?");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("Who is Kate Polit?", root.GetProperty("question").GetString());
        Assert.False(root.GetProperty("abstained").GetBoolean());
        var first = root.GetProperty("results")[0];
        Assert.Equal("002_46279a2a37e59433.txt", first.GetProperty("source").GetString());
        Assert.Equal("Kate Polit", first.GetProperty("author").GetString());
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        var text = first.GetProperty("text").GetString()!;
        Assert.Contains(first.GetProperty("best_sentence").GetString()!, text);
        var sourceText = File.ReadAllText(Path.Combine(Workspace.SourcesPath, "002_46279a2a37e59433.txt"));
        Assert.Contains(text, sourceText);
        Assert.True(first.GetProperty("passage").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Array, first.GetProperty("also_in").ValueKind);
    }

    [Fact]
    public async Task Ask_QuestionTheSourcesDoNotAnswer_SaysSo()
    {
        var result = await RunAsync("ask", "What is the capital of France?");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("The sources don't answer this question.", result.StandardOutput.TrimStart());
    }

    [Fact]
    public async Task Ask_EmptyQuestion_FailsWithOneLineReason()
    {
        var result = await RunAsync("ask", "   ");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("chatbrief: The question is empty: type what you want to know. See 'chatbrief ask --help'.", result.StandardError.Trim());
    }

    [Fact]
    public async Task Ask_QuestionStartingWithAt_IsAnsweredNotReadAsAResponseFile()
    {
        var result = await RunAsync("ask", "--top", "1", "@everyone what did kono say");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Kono said", result.StandardOutput);
        Assert.DoesNotContain("Response file", result.StandardError);
    }

    [Fact]
    public async Task Ask_TenThousandCharacters_AnswersAndSaysItWasShortened()
    {
        var question = "What did Iwaya say about the F-35A? " + string.Concat(Enumerable.Repeat("and more words ", 700));

        var result = await RunAsync("ask", question);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("only its first part was searched", result.StandardOutput);
    }

    [Fact]
    public async Task Ask_RankingModelSettingNamesAMissingFile_FailsWithOneLineReason()
    {
        var result = await ChatBriefProcess.RunAsync(Workspace.Root, new Dictionary<string, string> { ["Search__RankingModel"] = "missing.zip" }, "ask", "anything?");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Search:RankingModel", result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }
}
