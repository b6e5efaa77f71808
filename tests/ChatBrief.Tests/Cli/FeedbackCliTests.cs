using System.Text.RegularExpressions;
using ChatBrief.Core.Feedback;
using Microsoft.Extensions.Options;

namespace ChatBrief.Tests.Cli;

/// <summary><c>gaps</c>, <c>report</c> and <c>data forget</c> on the seeds' index and a question log written beforehand.</summary>
public sealed class FeedbackCliTests : IAsyncLifetime
{
    private const string Lighthouse = "Who designed the harbour lighthouse?";
    private SeedsWorkspace _workspace = null!;

    public async Task InitializeAsync()
    {
        _workspace = await SeedsWorkspace.WithIndexAsync("chatbrief-feedback");
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        using var store = new SqliteFeedbackStore(Options.Create(new DataOptions { Path = DataPath }));
        store.Open();
        store.AddQuestion("a1", yesterday, "discord", "111", abstained: true, [], TimeSpan.FromMilliseconds(30), Lighthouse);
        store.AddQuestion("a2", yesterday.AddHours(1), "teams", "aad-2", abstained: true, [], TimeSpan.FromMilliseconds(40), "Who designed the lighthouse at the harbour?");
        store.AddQuestion("a3", yesterday.AddHours(2), "discord", "111", abstained: false, [new ShownPassage("000_a0faeb7ade4ac0d7.txt", 3)], TimeSpan.FromMilliseconds(20), null);
        store.SetVote("a3", "discord", "222", Vote.Down, yesterday.AddHours(3), "What did Iwaya say about the F-35A?");
        store.SetReason("a3", "222", DownReason.Outdated, "Old, =SUM(A1)");
        store.AddQuestion("a4", yesterday.AddHours(4), "teams", "aad-2", abstained: false, [new ShownPassage("002_46279a2a37e59433.txt", 1)], TimeSpan.FromMilliseconds(25), null);
        store.SetVote("a4", "teams", "111", Vote.Up, yesterday.AddHours(5), null);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    private string DataPath => Path.Combine(_workspace.Root, "data");

    private Task<ChatBriefProcess.Result> RunAsync(params string[] arguments) => ChatBriefProcess.RunAsync(_workspace.Root, arguments);

    [Fact]
    public async Task Gaps_AbstainedAndDownVotedQuestions_AreGroupedLargestFirstWithACsvRowEach()
    {
        var csv = Path.Combine(_workspace.Root, "gaps.csv");

        var result = await RunAsync("gaps", "--since", "7d", "--csv", csv);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"1. 2 asked: \"Who designed the lighthouse at the harbour?\" · \"{Lighthouse}\"", result.StandardOutput);
        Assert.Contains("2. 1 asked: \"What did Iwaya say about the F-35A?\"", result.StandardOutput);
        Assert.Contains("👎 outdated 1", result.StandardOutput);
        var rows = File.ReadAllLines(csv);
        Assert.Equal("group,answered_now,question,at,door,abstained,voted_down,reasons", rows[0]);
        Assert.Equal(4, rows.Length);
        Assert.Matches(@"^1,no,Who designed the harbour lighthouse\?,\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ,discord,yes,no,$", rows[1]);
        Assert.EndsWith(",discord,no,yes,\"outdated: Old, =SUM(A1)\"", rows[3]);
    }

    [ChromiumFact]
    public async Task Report_OpenedInHeadlessChromium_ShowsEveryChart()
    {
        var html = Path.Combine(_workspace.Root, "report.html");

        var result = await RunAsync("report", "--since", "30d", "--out", html);
        var dom = await HeadlessChromium.DumpDomAsync(html);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Wrote the report of 4 questions", result.StandardOutput);
        foreach (var chart in new[] { "per-day", "answered", "votes", "sources", "gap-sizes" })
        {
            var figure = Regex.Match(dom, $"<figure id=\"{chart}\">.*?</svg>", RegexOptions.Singleline);
            Assert.True(figure.Success, $"the chart {chart} is missing from the page chromium loaded");
            Assert.Contains("<rect class=\"bar\"", figure.Value);
        }

        Assert.Contains("answered 2", dom);
        Assert.Contains("abstained 2", dom);
        Assert.Contains("000_a0faeb7ade4ac0d7.txt", dom);
        Assert.DoesNotMatch("(src|href)=", File.ReadAllText(html));
    }

    [Fact]
    public async Task DataForget_OnePerson_RemovesTheirQuestionsAndVotesOnly()
    {
        var result = await RunAsync("data", "forget", "--user", "111");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Deleted 3 entries of that person.", result.StandardOutput.Trim());
        using var store = new SqliteFeedbackStore(Options.Create(new DataOptions { Path = DataPath }));
        store.Open();
        Assert.Equal(["a2", "a4"], store.QuestionsSince(DateTimeOffset.UtcNow.AddDays(-7)).Select(q => q.AnswerId));
        Assert.Empty(store.QuestionsSince(DateTimeOffset.UtcNow.AddDays(-7)).SelectMany(q => q.Votes));
    }

    [Fact]
    public async Task Gaps_DamagedDatabase_FailsWithAClearReason()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.WriteAllText(Path.Combine(DataPath, SqliteFeedbackStore.FileName), new string('x', 4096));
        foreach (var journal in Directory.EnumerateFiles(DataPath, "*-wal").Concat(Directory.EnumerateFiles(DataPath, "*-shm")))
        {
            File.Delete(journal);
        }

        var result = await RunAsync("gaps");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is damaged or is not a SQLite database; move it aside and ChatBrief starts a new one.", result.StandardError);
    }
}
