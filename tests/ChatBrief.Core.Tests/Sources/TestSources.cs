using ChatBrief.Core.Sources;
using ChatBrief.Core.Sources.Parsers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Tests.Sources;

/// <summary>Builds readers and parses text the way the index does, for tests.</summary>
internal static class TestSources
{
    public static string SeedsFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string FixturesFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ingest");

    public static SourceReader Reader(long maxFileBytes = 20 * 1024 * 1024, params IDocumentParser[] extraParsers) =>
        new([new PlainTextParser(), new MarkdownParser(), .. extraParsers], Options.Create(new SourcesOptions { MaxFileBytes = maxFileBytes }), NullLogger<SourceReader>.Instance);

    public static SourceDocument ReadSeed(string name)
    {
        var reader = Reader();
        var file = reader.Discover(SeedsFolder).Single(candidate => candidate.Source == name);
        var result = reader.Read(file);
        Assert.Null(result.SkipReason);
        return Assert.Single(result.Documents);
    }

    public static SourceDocument ParseText(string text, string source = "000_a0faeb7ade4ac0d7.txt") =>
        Assert.Single(new PlainTextParser().ParseText(FileNamed(source), text));

    public static SourceDocument ParseMarkdown(string text, string source = "notes.md") =>
        Assert.Single(new MarkdownParser().ParseText(FileNamed(source), text));

    public static SourceFile FileNamed(string source) => new(Path.Combine(Path.GetTempPath(), source), source, "hash", 0);

    public static IReadOnlyList<string> Texts(SourceDocument document) => [.. document.Paragraphs.Select(paragraph => paragraph.Text)];
}

/// <summary>A scratch sources folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatbrief-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
