using ChatBrief.Cli;

namespace ChatBrief.Tests.Cli;

/// <summary>Command lines refused before any work is done: one line on stderr in words, never .NET's type names.</summary>
public sealed class CliFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbrief-cli-failures").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int ExitCode, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error);
        return (exitCode, error.ToString());
    }

    private static string OneLine(string error)
    {
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("chatbrief: ", line);
        return line.TrimEnd('\r');
    }

    [Fact]
    public void Parse_QuestionStartingWithAt_IsTheQuestionNotAResponseFile()
    {
        var parse = CliApplication.Parse(["ask", "@everyone what did kono say"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("@everyone what did kono say", parse.GetValue<string>("question"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-2")]
    public async Task Ask_TopNotACount_SaysWhatTopTakes(string top)
    {
        var (exitCode, error) = await RunAsync("ask", "--top", top, "What did Iwaya say?");

        Assert.Equal(1, exitCode);
        Assert.Equal($"chatbrief: --top takes a whole number of at least 1, not '{top}'. See 'chatbrief ask --help'.", OneLine(error));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyQuestion_SaysSoWithoutTheParameterName(string question)
    {
        var (exitCode, error) = await RunAsync("ask", "--index", Path.Combine(_folder, "index"), question);

        Assert.Equal(1, exitCode);
        Assert.Equal("chatbrief: The question is empty: type what you want to know. See 'chatbrief ask --help'.", OneLine(error));
        Assert.False(Directory.Exists(Path.Combine(_folder, "index")));
    }

    [Fact]
    public async Task Ask_IndexPathIsAFile_SaysTheIndexPathIsAFileNotAFolder()
    {
        var file = Path.Combine(_folder, "index");
        File.WriteAllText(file, "not an index");

        var (exitCode, error) = await RunAsync("ask", "--index", file, "What did Iwaya say?");

        Assert.Equal(1, exitCode);
        Assert.Equal($"chatbrief: The index path {file} is a file, not a folder (Index:Path or --index): give the index a folder of its own.", OneLine(error));
    }

    [Fact]
    public async Task Eval_QuestionsFileMissing_SaysSo()
    {
        var missing = Path.Combine(_folder, "questions.jsonl");

        var (exitCode, error) = await RunAsync("eval", "--questions", missing);

        Assert.Equal(1, exitCode);
        Assert.Equal($"chatbrief: --questions: {missing} does not exist. See 'chatbrief eval --help'.", OneLine(error));
    }

    [Fact]
    public async Task Eval_QuestionsFileIsAFolder_SaysSoRatherThanAccessDenied()
    {
        var (exitCode, error) = await RunAsync("eval", "--questions", _folder);

        Assert.Equal(1, exitCode);
        Assert.Equal($"chatbrief: --questions: {_folder} is a folder, not a file. See 'chatbrief eval --help'.", OneLine(error));
    }

    [Fact]
    public async Task Eval_MalformedQuestionLine_SaysWhereAndWhatIsExpected()
    {
        var questions = Path.Combine(_folder, "questions.jsonl");
        File.WriteAllLines(questions, ["""{"id": "a", "question": "When?"}""", """{"id": "b", "question": """]);

        var (exitCode, error) = await RunAsync("eval", "--questions", questions);

        Assert.Equal(1, exitCode);
        Assert.Equal($"chatbrief: {questions}, line 2: not valid JSON (at character 25); a question is one JSON object a line, as in docs/CONTRACTS.md.", OneLine(error));
    }

    [Fact]
    public async Task Eval_OutputFolderMissing_SaysSoBeforeAnyWork()
    {
        var questions = Path.Combine(_folder, "questions.jsonl");
        File.WriteAllText(questions, """{"id": "a", "question": "When?"}""");
        var results = Path.Combine(_folder, "no-such-folder", "results.jsonl");

        var (exitCode, error) = await RunAsync("eval", "--questions", questions, "--out", results);

        Assert.Equal(1, exitCode);
        Assert.Equal($"chatbrief: --out: the folder {Path.GetDirectoryName(results)} does not exist. See 'chatbrief eval --help'.", OneLine(error));
    }

    [Theory]
    [InlineData("--trees", "x", "--trees takes a whole number of at least 1, not 'x'.")]
    [InlineData("--leaves", "1", "--leaves takes a whole number of at least 2, not '1'.")]
    [InlineData("--learning-rate", "fast", "--learning-rate takes a number above 0 and at most 1, such as 0.5, not 'fast'.")]
    [InlineData("--feature-fraction", "1.5", "--feature-fraction takes a number above 0 and at most 1, such as 0.5, not '1.5'.")]
    public async Task TrainRanker_BadNumber_SaysWhatTheOptionTakes(string option, string value, string expected)
    {
        var questions = Path.Combine(_folder, "questions.jsonl");
        File.WriteAllText(questions, """{"id": "a", "question": "When?"}""");

        var (exitCode, error) = await RunAsync("train-ranker", "--questions", questions, "--out", Path.Combine(_folder, "m.zip"), option, value);

        Assert.Equal(1, exitCode);
        Assert.Equal($"chatbrief: {expected} See 'chatbrief train-ranker --help'.", OneLine(error));
    }

    [Fact]
    public async Task UnknownCommand_NamesTheUnknownWord()
    {
        var (exitCode, error) = await RunAsync("aks", "What did Iwaya say?");

        Assert.Equal(1, exitCode);
        Assert.Equal("chatbrief: 'aks' is not a command, option or argument here. See 'chatbrief --help'.", OneLine(error));
    }
}
