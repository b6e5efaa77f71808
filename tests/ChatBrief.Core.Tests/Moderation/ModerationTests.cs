using System.Net;
using System.Text.Json;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Moderation;
using ChatBrief.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Tests.Moderation;

public class ModerationTests : IDisposable
{
    private static readonly Moderator Alice = new("discord", "111", "Alice");

    private readonly TestCorpus _corpus = new(
        new Dictionary<string, string?> { ["Search:Semantic"] = "false" },
        ("a.txt", "Kono said the alliance is the cornerstone of peace."));

    private readonly FixedClock _clock = new(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

    private AuditLog Audit => new(Options.Create(new IndexOptions { Path = _corpus.IndexPath }), _clock, NullLogger<AuditLog>.Instance);

    [Fact]
    public async Task AddAsync_NewFile_ReindexesAndReportsPassagesBeforeAndAfter()
    {
        await _corpus.Index.EnsureReadyAsync();

        var change = await Sources("Pompeo said the treaty covers cyberattacks.\n\nIt was signed in 1960.")
            .AddAsync(Alice, Upload("b.txt"), replace: false, CancellationToken.None);

        Assert.Equal("Added b.txt.", change.Change);
        Assert.Equal(1, change.PassagesBefore);
        Assert.Equal((1, 3), (change.Report!.Added, change.Report.Passages));
        Assert.Equal(["a.txt", "b.txt"], _corpus.Index.ListSources().Select(s => s.Source));
        var entry = Assert.Single(Audit.Latest(20));
        Assert.Equal(new AuditEntry(_clock.Now, "discord", "111", "Alice", "source add", "b.txt", AuditResult.Done, entry.Detail), entry);
        Assert.StartsWith("Added b.txt. 2 documents, 3 passages (1 before): 1 added", entry.Detail);
    }

    [Fact]
    public async Task AddAsync_TraversalName_IsRefusedAndAudited()
    {
        await Assert.ThrowsAsync<SourceChangeRefusedException>(() => Sources("x").AddAsync(Alice, Upload("../../x.txt"), false, CancellationToken.None));

        Assert.False(File.Exists(Path.Combine(_corpus.Root, "..", "x.txt")));
        var entry = Assert.Single(Audit.Latest(20));
        Assert.Equal((AuditResult.Refused, "../../x.txt"), (entry.Result, entry.Target));
    }

    [Fact]
    public async Task RemoveAsync_KnownSource_MovesItAndReindexes()
    {
        _corpus.Write("b.txt", "Pompeo said the treaty covers cyberattacks.");
        await _corpus.Index.EnsureReadyAsync();

        var change = await Sources("").RemoveAsync(Alice, "b.txt", CancellationToken.None);

        Assert.Equal("Removed b.txt (moved to removed/b.txt).", change.Change);
        Assert.Equal(1, change.Report!.Removed);
        Assert.Equal(["a.txt"], _corpus.Index.ListSources().Select(s => s.Source));
        Assert.True(File.Exists(Path.Combine(_corpus.Root, "removed", "b.txt")));
    }

    [Fact]
    public async Task AliasAdd_AppliesToTheNextQuestionWithoutAReindex()
    {
        await _corpus.Index.EnsureReadyAsync();
        var builtAt = _corpus.Index.GetStatus().BuiltAt;

        var done = await Aliases().AddAsync(Alice, "keystone = cornerstone", CancellationToken.None);
        using var lease = _corpus.Index.Acquire();

        Assert.Equal("Added the alias keystone = cornerstone. It applies from the next question.", done);
        Assert.Contains(lease.Snapshot.Aliases.Groups, group => group.Any(terms => terms.SequenceEqual(["keyston"])));
        Assert.Equal(builtAt, _corpus.Index.GetStatus().BuiltAt);
        Assert.Equal("Kono said the alliance is the cornerstone of peace.", (await _corpus.AskAsync("What is the keystone of peace?")).Results[0].Text);
    }

    [Fact]
    public async Task AliasRemove_TakesTheSpellingOutAndKeepsComments()
    {
        _corpus.Write(AliasLearner.AliasesFileName, "# team names\nkeystone = cornerstone = linchpin\nA = B\n");
        await _corpus.Index.EnsureReadyAsync();

        await Aliases().RemoveAsync(Alice, "Keystone", CancellationToken.None);

        Assert.Equal(["# team names", "cornerstone = linchpin", "A = B"], File.ReadAllLines(Path.Combine(_corpus.SourcesPath, AliasLearner.AliasesFileName)));
        Assert.Equal(AuditResult.Done, Assert.Single(Audit.Latest(20)).Result);
    }

    [Theory]
    [InlineData("onlyone")]
    [InlineData("# a = b")]
    public async Task AliasAdd_BadGroup_IsRefusedAndAudited(string group)
    {
        await Assert.ThrowsAsync<AliasRefusedException>(() => Aliases().AddAsync(Alice, group, CancellationToken.None));

        Assert.False(File.Exists(Path.Combine(_corpus.SourcesPath, AliasLearner.AliasesFileName)));
        Assert.Equal(AuditResult.Refused, Assert.Single(Audit.Latest(20)).Result);
    }

    [Fact]
    public void Audit_WritesOneSnakeCaseJsonLineAndReadsTheLatestBack()
    {
        var audit = Audit;
        for (var i = 0; i < 25; i++)
        {
            audit.Record(Alice, "alias add", $"x{i}", AuditResult.Done, null);
        }

        File.AppendAllText(audit.Path, "not json\n");
        var lines = File.ReadAllLines(audit.Path);
        var latest = audit.Latest(20);

        Assert.Equal("""{"at":"2025-03-04T05:06:07+00:00","platform":"discord","user_id":"111","user_name":"Alice","action":"alias add","target":"x0","result":"done"}""", lines[0]);
        Assert.Equal(19, latest.Count);
        Assert.Equal("x24", latest[^1].Target);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(lines[1]).RootElement.ValueKind);
    }

    private SourceModeration Sources(string served)
    {
        var library = _corpus.Services.GetRequiredService<SourceLibrary>();
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(served) });
        return new SourceModeration(library, new SourceDownloader(new StubHttpClientFactory(handler), library, NullLogger<SourceDownloader>.Instance), _corpus.Index, Audit, NullLogger<SourceModeration>.Instance);
    }

    private AliasModeration Aliases() => new(_corpus.Services.GetRequiredService<AliasFile>(), _corpus.Index, Audit);

    private static SourceUpload Upload(string name) => new(name, "https://cdn.discordapp.com/attachments/1/2/file", null, ["cdn.discordapp.com"]);

    public void Dispose() => _corpus.Dispose();
}
