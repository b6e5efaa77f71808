using System.Text.Json;

namespace ChatBrief.Tests.Cli;

/// <summary>The built executable on a temporary copy of the seeds, through the commands of docs/CONTRACTS.md.</summary>
/// <remarks>Each test starts with the seeds' index already built, as after a first <c>chatbrief index</c>, except where it says otherwise.</remarks>
public sealed class CliEndToEndTests : IAsyncLifetime
{
    private SeedsWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await SeedsWorkspace.WithIndexAsync("chatbrief-cli");

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    private Task<ChatBriefProcess.Result> RunAsync(params string[] arguments) => ChatBriefProcess.RunAsync(_workspace.Root, arguments);

    [Fact]
    public async Task Ask_FirstUse_BuildsTheIndexAndQuotesTheAnsweringPassage()
    {
        Directory.Delete(_workspace.IndexPath, recursive: true);

        var result = await RunAsync("ask", "What did Iwaya say about the F-35A?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Built the index", result.StandardError);
        Assert.Contains("Takeshi Iwaya requested cooperation from the US in investigating the crash of an F-35A fighter", result.StandardOutput);
        Assert.Contains("000_a0faeb7ade4ac0d7.txt, paragraph 3", result.StandardOutput);
        Assert.True(Directory.EnumerateFiles(_workspace.IndexPath, "segments_*").Any());
    }

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
        var sourceText = File.ReadAllText(Path.Combine(_workspace.SourcesPath, "002_46279a2a37e59433.txt"));
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
    public async Task Ask_MissingSourcesFolderOnFirstUse_FailsWithOneLineReason()
    {
        Directory.Delete(_workspace.IndexPath, recursive: true);

        var result = await RunAsync("ask", "--sources", "no-such-folder", "anything?");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-such-folder", result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task Index_BadFilesAmongSources_SkipsThemWithReasonsAndIndexesTheRest()
    {
        File.WriteAllBytes(Path.Combine(_workspace.SourcesPath, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]);
        File.WriteAllText(Path.Combine(_workspace.SourcesPath, "empty.md"), "");
        File.WriteAllText(Path.Combine(_workspace.SourcesPath, "report.docx"), "not really a docx");

        var result = await RunAsync("index");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Documents: 3", result.StandardOutput);
        Assert.Contains("skipped image.txt", result.StandardOutput);
        Assert.Contains("skipped empty.md", result.StandardOutput);
        Assert.Contains("skipped report.docx", result.StandardOutput);
    }

    [Fact]
    public async Task Audit_Last_PrintsTheLatestModeratorActionsOldestFirst()
    {
        Directory.CreateDirectory(_workspace.IndexPath);
        File.WriteAllLines(Path.Combine(_workspace.IndexPath, "audit.jsonl"),
        [
            """{"at":"2026-11-23T09:00:00+00:00","platform":"discord","user_id":"5","user_name":"Sam","action":"alias add","target":"A = B","result":"done"}""",
            """{"at":"2026-11-23T10:00:00+00:00","platform":"teams","user_id":"aad-1","action":"source remove","target":"a.txt","result":"refused","detail":"not a moderator"}""",
        ]);

        var result = await RunAsync("audit", "--last", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2026-11-23 10:00 UTC, teams aad-1: source remove a.txt: refused. not a moderator", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Index_AlreadyBuilt_LeavesUnchangedSourcesAlone()
    {
        var result = await RunAsync("index");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 unchanged", result.StandardOutput);
    }

    [Fact]
    public async Task Ask_CorruptIndex_RebuildsFromTheSourcesAndSaysWhy()
    {
        foreach (var file in Directory.EnumerateFiles(_workspace.IndexPath))
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
        foreach (var file in Directory.EnumerateFiles(_workspace.IndexPath))
        {
            File.WriteAllText(file, "garbage");
        }

        var result = await RunAsync("ask", "--verbose", "When was the treaty signed?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: ChatBrief.Core.Indexing.IndexManager: The index at", result.StandardError);
        Assert.Contains("   at Lucene.Net.", result.StandardError);
    }

    [Fact]
    public async Task Index_LegacyEncodingAndBrokenSidecar_IndexedWithANoteEach()
    {
        File.WriteAllBytes(Path.Combine(_workspace.SourcesPath, "legacy.txt"), [.. "The caf"u8, 0xE9, .. " served cr"u8, 0xE8, .. "me br"u8, 0xFB, .. "l"u8, 0xE9, .. "e to the delegates.\n"u8]);
        File.Copy(Path.Combine(_workspace.SourcesPath, "000_a0faeb7ade4ac0d7.txt"), Path.Combine(_workspace.SourcesPath, "copy.txt"));
        File.WriteAllText(Path.Combine(_workspace.SourcesPath, "copy.txt.meta.json"), """{"title": "Unfinished""");

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
    public async Task Eval_QuestionFile_PrintsMetricsOnTheLastLineAndWritesResults()
    {
        var questions = Path.Combine(_workspace.Root, "questions.jsonl");
        File.WriteAllLines(questions,
        [
            """{"id": "a", "question": "When was the US-Japan Security Treaty signed?", "answers": ["signed in 1960"]}""",
            """{"id": "b", "question": "Who won the 2018 World Cup?", "answers": [], "unanswerable": "strict"}""",
        ]);
        var results = Path.Combine(_workspace.Root, "results.jsonl");

        var result = await RunAsync("eval", "--questions", questions, "--out", results);

        Assert.Equal(0, result.ExitCode);
        using var metrics = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
        Assert.Equal(2, metrics.RootElement.GetProperty("questions").GetInt32());
        Assert.Equal(1.0, metrics.RootElement.GetProperty("hit@1").GetDouble());
        Assert.Equal(1.0, metrics.RootElement.GetProperty("abstain_strict").GetDouble());
        Assert.True(metrics.RootElement.TryGetProperty("ms_per_question", out _));
        Assert.Equal(2, File.ReadAllLines(results).Length);
    }

    [Fact]
    public async Task Eval_Corpus_IndexesItInATemporaryIndex()
    {
        var corpus = Path.Combine(_workspace.Root, "corpus.jsonl");
        File.WriteAllLines(corpus,
        [
            """{"id": "p1", "title": "Rivers", "text": "The Nile is the longest river in Africa."}""",
            """{"id": "p2", "title": "Mountains", "text": "Kilimanjaro is the highest mountain in Africa."}""",
        ]);
        var questions = Path.Combine(_workspace.Root, "questions.jsonl");
        File.WriteAllLines(questions, ["""{"id": "q", "question": "Which is the highest mountain in Africa?", "answers": ["Kilimanjaro"], "passage_ids": ["p2"]}"""]);
        var seedsIndex = IndexFiles();

        var result = await RunAsync("eval", "--corpus", corpus, "--questions", questions, "--baseline");

        Assert.Equal(0, result.ExitCode);
        using var metrics = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
        Assert.Equal(1.0, metrics.RootElement.GetProperty("hit@1").GetDouble());
        Assert.Equal(1.0, metrics.RootElement.GetProperty("baseline").GetProperty("hit@1").GetDouble());
        Assert.Equal(seedsIndex, IndexFiles());
    }

    [Fact]
    public async Task Bench_GrowsTheCorpusIndexesItApartAndPrintsTheFigures()
    {
        var corpus = Path.Combine(_workspace.Root, "corpus.jsonl");
        File.WriteAllLines(corpus,
        [
            """{"id": "p1", "title": "Rivers", "text": "The Nile is the longest river in Africa. It flows north."}""",
            """{"id": "p2", "title": "Mountains", "text": "Kilimanjaro is the highest mountain in Africa."}""",
        ]);
        var questions = Path.Combine(_workspace.Root, "questions.jsonl");
        File.WriteAllLines(questions, ["""{"id": "q", "question": "Which is the highest mountain in Africa?"}"""]);
        var written = Path.Combine(_workspace.Root, "grown.jsonl");
        var seedsIndex = IndexFiles();

        var result = await RunAsync("bench", "--corpus", corpus, "--questions", questions, "--passages", "40", "--seconds", "1", "--threads", "1,2", "--lexical-only", "--write-corpus", written);

        Assert.Equal(0, result.ExitCode);
        using var figures = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
        var root = figures.RootElement;
        Assert.Equal(40, root.GetProperty("passages").GetInt32());
        Assert.Equal(
            ["passages", "index_seconds", "index_passages_per_s", "index_cpu_seconds", "embed_passages_per_s", "index_mb", "vectors_mb", "query_p50_ms", "query_p95_ms", "query_p99_ms", "qps_1", "qps_2", "peak_rss_mb"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("qps_1").GetDouble() > 0);
        Assert.Equal(0, root.GetProperty("vectors_mb").GetDouble());
        Assert.Equal(40, File.ReadLines(written).Count());
        Assert.Equal(seedsIndex, IndexFiles());
    }

    [Fact]
    public async Task Bench_BadThreadList_SaysWhatItTakes()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "c.jsonl"), "");
        File.WriteAllText(Path.Combine(_workspace.Root, "q.jsonl"), "");

        var result = await RunAsync("bench", "--corpus", "c.jsonl", "--questions", "q.jsonl", "--threads", "1,x");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--threads takes whole numbers from 1 to 256 separated by commas, such as 1,2, not '1,x'.", result.StandardError);
    }

    [Fact]
    public async Task Bench_EmptyQuestionFile_SaysSoInOneLine()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "c.jsonl"), """{"id": "p1", "title": "T", "text": "Some text."}""");
        File.WriteAllText(Path.Combine(_workspace.Root, "q.jsonl"), "");

        var result = await RunAsync("bench", "--corpus", "c.jsonl", "--questions", "q.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("chatbrief: The question file holds no questions.", result.StandardError.Trim());
    }

    private IEnumerable<(string, DateTime)> IndexFiles() =>
        Directory.EnumerateFiles(_workspace.IndexPath).Order(StringComparer.Ordinal).Select(file => (file, File.GetLastWriteTimeUtc(file))).ToList();

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

    [Fact]
    public async Task TrainRanker_SplitByTitle_ReportsTheHeldOutHalfAndWritesAModelAskCanLoad()
    {
        var corpus = Path.Combine(_workspace.Root, "corpus.jsonl");
        File.WriteAllLines(corpus,
        [
            """{"id": "n1", "title": "Nile", "text": "The Nile is the longest river in Africa, flowing north to the Mediterranean."}""",
            """{"id": "n2", "title": "Nile", "text": "The Aswan High Dam on the Nile was finished in 1970."}""",
            """{"id": "k1", "title": "Kilimanjaro", "text": "Kilimanjaro is the highest mountain in Africa, a dormant volcano in Tanzania."}""",
            """{"id": "k2", "title": "Kilimanjaro", "text": "Climbers reach the summit of Kilimanjaro in about a week."}""",
        ]);
        var questions = Path.Combine(_workspace.Root, "questions.jsonl");
        File.WriteAllLines(questions,
        [
            """{"id": "q1", "question": "Which is the longest river in Africa?", "passage_ids": ["n1"]}""",
            """{"id": "q2", "question": "When was the Aswan dam finished?", "passage_ids": ["n2"]}""",
            """{"id": "q3", "question": "Which is the highest mountain in Africa?", "passage_ids": ["k1"]}""",
            """{"id": "q4", "question": "How long does it take to climb Kilimanjaro?", "passage_ids": ["k2"]}""",
        ]);
        var model = Path.Combine(_workspace.Root, "ranker.zip");

        var trained = await RunAsync("train-ranker", "--corpus", corpus, "--questions", questions, "--split-titles", "--out", model, "--min-leaf", "1", "--trees", "10");
        var asked = await ChatBriefProcess.RunAsync(_workspace.Root, new Dictionary<string, string> { ["Search__RankingModel"] = model }, "ask", "--json", "When was the treaty signed?");

        Assert.Equal(0, trained.ExitCode);
        using var report = JsonDocument.Parse(trained.StandardOutput.Trim().Split('\n')[^1]);
        Assert.Equal(2, report.RootElement.GetProperty("training_questions").GetInt32());
        Assert.Equal(2, report.RootElement.GetProperty("holdout").GetProperty("questions").GetInt32());
        Assert.True(File.Exists(model));
        Assert.Equal(0, asked.ExitCode);
        Assert.Contains("1960", asked.StandardOutput);
    }

    [Fact]
    public async Task TrainRanker_SplitTitlesAndHoldoutTogether_FailsWithOneLineReason()
    {
        foreach (var file in new[] { "c.jsonl", "q.jsonl", "h.jsonl" })
        {
            File.WriteAllText(Path.Combine(_workspace.Root, file), "");
        }

        var result = await RunAsync("train-ranker", "--corpus", "c.jsonl", "--questions", "q.jsonl", "--split-titles", "--holdout", "h.jsonl", "--out", "m.zip");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not both", result.StandardError);
        Assert.False(File.Exists(Path.Combine(_workspace.Root, "m.zip")));
    }

    [Fact]
    public async Task Ask_RankingModelSettingNamesAMissingFile_FailsWithOneLineReason()
    {
        var result = await ChatBriefProcess.RunAsync(_workspace.Root, new Dictionary<string, string> { ["Search__RankingModel"] = "missing.zip" }, "ask", "anything?");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Search:RankingModel", result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }
}
