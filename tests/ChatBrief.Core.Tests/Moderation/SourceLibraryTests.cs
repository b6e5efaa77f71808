using System.Text;
using ChatBrief.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Tests.Moderation;

public class SourceLibraryTests : IDisposable
{
    private readonly TestCorpus _corpus = new(("a.txt", "Kono said the alliance is strong."));

    private SourceLibrary Library(long maxBytes = 1024) => new(
        _corpus.Services.GetRequiredService<ISourceReader>(),
        Options.Create(new SourcesOptions { Path = _corpus.SourcesPath, MaxUploadBytes = maxBytes }),
        new FixedClock(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero)));

    [Theory]
    [InlineData("../../x.txt")]
    [InlineData("..\\..\\x.txt")]
    [InlineData("sub/x.txt")]
    [InlineData("/etc/x.txt")]
    [InlineData("..")]
    [InlineData(".hidden.txt")]
    [InlineData("CON.txt")]
    [InlineData("nul.md")]
    [InlineData("a\u0000b.txt")]
    [InlineData("what?.txt")]
    [InlineData("aliases.txt")]
    [InlineData("")]
    public async Task SaveAsync_UnsafeName_IsRefusedAndWritesNothing(string name)
    {
        var before = Directory.GetFiles(_corpus.Root, "*", SearchOption.AllDirectories).Length;

        var refused = await Assert.ThrowsAsync<SourceChangeRefusedException>(() => Library().SaveAsync(name, Content("text"), replace: false, CancellationToken.None));

        Assert.Contains("cannot be added", refused.Message);
        Assert.Equal(before, Directory.GetFiles(_corpus.Root, "*", SearchOption.AllDirectories).Length);
        Assert.False(File.Exists(Path.Combine(_corpus.Root, "x.txt")));
    }

    [Fact]
    public async Task SaveAsync_UnsupportedType_SaysWhichTypesAreAccepted()
    {
        var refused = await Assert.ThrowsAsync<SourceChangeRefusedException>(() => Library().SaveAsync("report.docx", Content("text"), false, CancellationToken.None));

        Assert.Equal("“report.docx” cannot be added: files of type .docx are not accepted. Accepted types: .txt, .md, .markdown, .jsonl, .html, .htm, .pdf.", refused.Message);
    }

    [Fact]
    public async Task SaveAsync_LargerThanTheLimit_IsRefusedAndLeavesNoPartialFile()
    {
        var refused = await Assert.ThrowsAsync<SourceChangeRefusedException>(() => Library(maxBytes: 10).SaveAsync("big.txt", Content(new string('x', 11)), false, CancellationToken.None));

        Assert.Contains("larger than the limit", refused.Message);
        Assert.Equal(["a.txt"], Directory.GetFiles(_corpus.SourcesPath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SaveAsync_NameInUse_AsksToReplaceUnlessTold()
    {
        var library = Library();

        await Assert.ThrowsAsync<SourceExistsException>(() => library.SaveAsync("a.txt", Content("new"), replace: false, CancellationToken.None));
        Assert.Equal("Kono said the alliance is strong.", File.ReadAllText(Path.Combine(_corpus.SourcesPath, "a.txt")));

        Assert.True(await library.SaveAsync("a.txt", Content("new"), replace: true, CancellationToken.None));
        Assert.Equal("new", File.ReadAllText(Path.Combine(_corpus.SourcesPath, "a.txt")));
    }

    [Fact]
    public async Task SaveAsync_NewName_SavesInsideTheSourcesFolder()
    {
        Assert.False(await Library().SaveAsync(" notes.md ", Content("# Notes"), false, CancellationToken.None));

        Assert.Equal("# Notes", File.ReadAllText(Path.Combine(_corpus.SourcesPath, "notes.md")));
        Assert.Equal(["a.txt", "notes.md"], Library().List());
    }

    [Fact]
    public void Remove_MovesTheFileAndItsSidecarBesideTheSources_DeletingNothing()
    {
        _corpus.Write("a.txt.meta.json", """{"title": "A"}""");

        var movedTo = Library().Remove("a.txt");

        Assert.Equal("removed/a.txt", movedTo);
        Assert.Equal("Kono said the alliance is strong.", File.ReadAllText(Path.Combine(_corpus.Root, "removed", "a.txt")));
        Assert.True(File.Exists(Path.Combine(_corpus.Root, "removed", "a.txt.meta.json")));
        Assert.Empty(Directory.GetFiles(_corpus.SourcesPath));
    }

    [Fact]
    public void Remove_SameNameRemovedBefore_KeepsBothVersions()
    {
        var library = Library();
        library.Remove("a.txt");
        _corpus.Write("a.txt", "second");

        Assert.Equal("removed/a.20250304T050607Z.txt", library.Remove("a.txt"));
        Assert.Equal("second", File.ReadAllText(Path.Combine(_corpus.Root, "removed", "a.20250304T050607Z.txt")));
    }

    [Theory]
    [InlineData("missing.txt")]
    [InlineData("../index/x")]
    [InlineData("aliases.txt")]
    [InlineData("/etc/passwd")]
    public void Remove_NoSuchSourceInsideTheFolder_IsRefused(string name)
    {
        _corpus.Write("aliases.txt", "A = B");

        var refused = Assert.Throws<SourceChangeRefusedException>(() => Library().Remove(name));

        Assert.StartsWith("There is no source named", refused.Message);
    }

    private static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));

    public void Dispose() => _corpus.Dispose();
}
