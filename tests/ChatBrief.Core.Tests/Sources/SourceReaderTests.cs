using System.Text;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Sources;
using ChatBrief.Core.Sources.Parsers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace ChatBrief.Core.Tests.Sources;

public class SourceReaderTests
{
    private const string Prose = "The alliance remains strong.\n\nBoth ministers agreed.\n";

    [Fact]
    public void Discover_MissingFolder_ThrowsSourcesUnavailableNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "chatbrief-missing-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<SourcesUnavailableException>(() => TestSources.Reader().Discover(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Discover_PathIsAFile_ThrowsSourcesUnavailable()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.txt", Prose);

        var error = Assert.Throws<SourcesUnavailableException>(() => TestSources.Reader().Discover(file));

        Assert.Contains("is a file, not a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_FolderLinkLoop_ListsEachFileOnce()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Prose);
        folder.Write("sub/b.txt", Prose);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "loop"), folder.Path);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "again"), Path.Combine(folder.Path, "sub"));

        var files = TestSources.Reader().Discover(folder.Path);

        Assert.Equal(["a.txt", "b.txt"], files.Select(f => Path.GetFileName(f.Source)).Order());
    }

    [Fact]
    public void Discover_EmptyFolder_ThrowsSourcesUnavailable()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<SourcesUnavailableException>(() => TestSources.Reader().Discover(folder.Path));

        Assert.Contains("holds no source files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_OnlyHiddenSidecarAndAliasesFiles_ThrowsSourcesUnavailable()
    {
        using var folder = new TempFolder();
        folder.Write(".hidden.txt", Prose);
        folder.Write(".git/notes.txt", Prose);
        folder.Write("aliases.txt", "SCC = Security Consultative Committee");
        folder.Write("orphan.txt.meta.json", "{}");

        Assert.Throws<SourcesUnavailableException>(() => TestSources.Reader().Discover(folder.Path));
    }

    [Fact]
    public void Discover_NestedFolders_ReturnsRelativeSourcesSortedOrdinallySkippingNonSources()
    {
        using var folder = new TempFolder();
        folder.Write("b.txt", Prose);
        folder.Write("A.md", Prose);
        folder.Write("team/z.txt", Prose);
        folder.Write("team/aliases.txt", Prose); // reserved only at the root
        folder.Write("team/.drafts/secret.txt", Prose);
        folder.Write("b.txt.meta.json", "{\"title\": \"B\"}");
        folder.Write("aliases.txt", "x = y");
        folder.Write("report.docx", "PK");

        var files = TestSources.Reader().Discover(folder.Path);

        Assert.Equal(["A.md", "b.txt", "report.docx", "team/aliases.txt", "team/z.txt"], files.Select(file => file.Source));
        var b = files.Single(file => file.Source == "b.txt");
        Assert.Equal(Path.Combine(folder.Path, "b.txt"), b.FullPath);
        Assert.Equal(Encoding.UTF8.GetByteCount(Prose), b.Length);
    }

    [Fact]
    public void Discover_SidecarEdited_ContentHashChanges()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Prose);
        var reader = TestSources.Reader();
        var withoutSidecar = reader.Discover(folder.Path).Single().ContentHash;
        folder.Write("a.txt.meta.json", "{\"title\": \"One\"}");
        var withSidecar = reader.Discover(folder.Path).Single().ContentHash;
        folder.Write("a.txt.meta.json", "{\"title\": \"Two\"}");
        var withEditedSidecar = reader.Discover(folder.Path).Single().ContentHash;

        Assert.NotEqual(withoutSidecar, withSidecar);
        Assert.NotEqual(withSidecar, withEditedSidecar);
        Assert.Equal(withEditedSidecar, reader.Discover(folder.Path).Single().ContentHash);
    }

    [Fact]
    public void Read_PlainTextFile_ReturnsNumberedParagraphs()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Prose);

        var result = ReadOnly(folder);

        Assert.Null(result.SkipReason);
        var document = Assert.Single(result.Documents);
        Assert.Equal("a.txt", document.Source);
        Assert.Equal([new Paragraph(1, "The alliance remains strong."), new Paragraph(2, "Both ministers agreed.")], document.Paragraphs);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Read_BinaryFileWithNulBytes_SkippedAsBinary()
    {
        using var folder = new TempFolder();
        folder.Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A, 0x41]);

        var result = ReadOnly(folder);

        Assert.Empty(result.Documents);
        Assert.Contains("binary", result.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFile_SkippedAsEmpty()
    {
        using var folder = new TempFolder();
        folder.Write("empty.md", []);

        var result = ReadOnly(folder);

        Assert.Equal("empty file", result.SkipReason);
    }

    [Fact]
    public void Read_WhitespaceOnlyFile_SkippedAsEmpty()
    {
        using var folder = new TempFolder();
        folder.Write("blank.txt", " \r\n\t\u00A0\n\n");

        var result = ReadOnly(folder);

        Assert.Equal("empty file (only whitespace)", result.SkipReason);
    }

    [Fact]
    public void Read_NotUtf8_DecodedAsWindows1252WithNote()
    {
        using var folder = new TempFolder();
        // "Café “déjà vu” – 5 €." in Windows-1252: é=E9, “=93, ”=94, –=96, €=80.
        folder.Write("legacy.txt", [.. "Caf"u8, 0xE9, .. " "u8, 0x93, .. "d"u8, 0xE9, .. "j"u8, 0xE0, .. " vu"u8, 0x94, .. " "u8, 0x96, .. " 5 "u8, 0x80, .. "."u8]);

        var result = ReadOnly(folder);

        Assert.Null(result.SkipReason);
        Assert.Equal("Café “déjà vu” – 5 €.", Assert.Single(Assert.Single(result.Documents).Paragraphs).Text);
        Assert.Contains(result.Notes, note => note.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_DecodedWithoutNote()
    {
        using var folder = new TempFolder();
        folder.Write("wide.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("The alliance remains strong.")]);

        var result = ReadOnly(folder);

        Assert.Null(result.SkipReason);
        Assert.Equal("The alliance remains strong.", Assert.Single(Assert.Single(result.Documents).Paragraphs).Text);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_NotPartOfTheText()
    {
        using var folder = new TempFolder();
        folder.Write("bom.txt", [0xEF, 0xBB, 0xBF, .. "The alliance remains strong."u8]);

        var result = ReadOnly(folder);

        Assert.Equal("The alliance remains strong.", Assert.Single(Assert.Single(result.Documents).Paragraphs).Text);
    }

    [Fact]
    public void Read_FileOverSizeLimit_SkippedWithReasonNamingTheLimit()
    {
        using var folder = new TempFolder();
        folder.Write("big.txt", new string('a', 2048) + ".");

        var result = TestSources.Reader(maxFileBytes: 1024).Read(TestSources.Reader().Discover(folder.Path).Single());

        Assert.Empty(result.Documents);
        Assert.Contains("too large", result.SkipReason, StringComparison.Ordinal);
        Assert.Contains("1 KB", result.SkipReason, StringComparison.Ordinal);
        Assert.Contains("Sources:MaxFileBytes", result.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonlOverSizeLimit_StreamedToItsRegisteredParser()
    {
        using var folder = new TempFolder();
        folder.Write("corpus.jsonl", "{\"id\":\"p1\",\"title\":\"T\",\"text\":\"" + new string('a', 4096) + "\"}\n");
        var corpusDocument = new SourceDocument("corpus.jsonl", new DocumentMetadata("T"), [new Paragraph(1, "text", "p1")]);
        var jsonl = new Mock<IDocumentParser>();
        jsonl.SetupGet(parser => parser.Extensions).Returns([".jsonl"]);
        var streamedBytes = -1L;
        jsonl.Setup(parser => parser.Parse(It.IsAny<SourceFile>(), It.IsAny<Stream>()))
            .Callback<SourceFile, Stream>((_, stream) => streamedBytes = stream.Length)
            .Returns([corpusDocument]);
        var reader = TestSources.Reader(1024, jsonl.Object);

        var result = reader.Read(reader.Discover(folder.Path).Single());

        Assert.Null(result.SkipReason);
        Assert.Equal(corpusDocument, Assert.Single(result.Documents));
        Assert.True(streamedBytes > 4096);
        jsonl.Verify(parser => parser.Parse(It.Is<SourceFile>(file => file.Source == "corpus.jsonl"), It.IsAny<Stream>()), Times.Once);
    }

    [Fact]
    public void Read_JsonlWithSidecar_SidecarFillsFieldsButRecordsKeepTheirTitles()
    {
        using var folder = new TempFolder();
        folder.Write("corpus.jsonl", "{}\n{}\n");
        folder.Write("corpus.jsonl.meta.json", "{\"title\": \"Whole corpus\", \"publisher\": \"Wikipedia\"}");
        var jsonl = new Mock<IDocumentParser>();
        jsonl.SetupGet(parser => parser.Extensions).Returns([".jsonl"]);
        jsonl.Setup(parser => parser.Parse(It.IsAny<SourceFile>(), It.IsAny<Stream>())).Returns(
        [
            new SourceDocument("corpus.jsonl", new DocumentMetadata("First"), [new Paragraph(1, "one", "p1")]),
            new SourceDocument("corpus.jsonl", new DocumentMetadata("Second"), [new Paragraph(2, "two", "p2")]),
        ]);
        var reader = TestSources.Reader(1024, jsonl.Object);

        var result = reader.Read(reader.Discover(folder.Path).Single());

        Assert.Equal(["First", "Second"], result.Documents.Select(document => document.Metadata.Title));
        Assert.All(result.Documents, document => Assert.Equal("Wikipedia", document.Metadata.Publisher));
    }

    [Fact]
    public void Read_UnsupportedExtension_SkippedNamingTheType()
    {
        using var folder = new TempFolder();
        folder.Write("report.docx", "PK\u0003\u0004");

        var result = ReadOnly(folder);

        Assert.Equal("unsupported file type .docx", result.SkipReason);
    }

    [Fact]
    public void Read_NoExtension_SkippedAsUnsupported()
    {
        using var folder = new TempFolder();
        folder.Write("README", Prose);

        var result = ReadOnly(folder);

        Assert.Equal("unsupported file type (no extension)", result.SkipReason);
    }

    [Fact]
    public void Read_UpperCaseExtension_ReadLikeLowerCase()
    {
        using var folder = new TempFolder();
        folder.Write("NOTES.TXT", Prose);

        var result = ReadOnly(folder);

        Assert.Null(result.SkipReason);
    }

    [Fact]
    public void Read_FileDeletedAfterDiscover_SkippedAsUnopenable()
    {
        using var folder = new TempFolder();
        var path = folder.Write("gone.txt", Prose);
        var reader = TestSources.Reader();
        var file = reader.Discover(folder.Path).Single();
        File.Delete(path);

        var result = reader.Read(file);

        Assert.Empty(result.Documents);
        Assert.Equal("cannot be opened: the file no longer exists", result.SkipReason);
    }

    [Fact]
    public void Read_PathThatCannotBeOpenedAsAFile_SkippedNotThrown()
    {
        using var folder = new TempFolder();
        var directory = Path.Combine(folder.Path, "folder.txt");
        Directory.CreateDirectory(directory);

        var result = TestSources.Reader().Read(new SourceFile(directory, "folder.txt", "hash", 0));

        Assert.Empty(result.Documents);
        Assert.StartsWith("cannot be", result.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ParserThrowsInvalidSource_ItsReasonBecomesTheSkipReason()
    {
        using var folder = new TempFolder();
        folder.Write("scan.pdf", "%PDF-1.7");
        var pdf = new Mock<IDocumentParser>();
        pdf.SetupGet(parser => parser.Extensions).Returns([".pdf"]);
        pdf.Setup(parser => parser.Parse(It.IsAny<SourceFile>(), It.IsAny<Stream>())).Throws(new InvalidSourceException("scanned PDF without a text layer"));
        var reader = TestSources.Reader(1024, pdf.Object);

        var result = reader.Read(reader.Discover(folder.Path).Single());

        Assert.Equal("scanned PDF without a text layer", result.SkipReason);
    }

    [Fact]
    public void Read_ParserFailsUnexpectedly_SkippedAndLoggedNotThrown()
    {
        using var folder = new TempFolder();
        folder.Write("page.html", "<p>x</p>");
        var html = new Mock<IDocumentParser>();
        html.SetupGet(parser => parser.Extensions).Returns([".html"]);
        html.Setup(parser => parser.Parse(It.IsAny<SourceFile>(), It.IsAny<Stream>())).Throws(new NullReferenceException("bug"));
        var logger = new Mock<ILogger<SourceReader>>();
        var reader = new SourceReader([html.Object], Microsoft.Extensions.Options.Options.Create(new SourcesOptions()), logger.Object);

        var result = reader.Read(reader.Discover(folder.Path).Single());

        Assert.Equal("could not be parsed (NullReferenceException: bug)", result.SkipReason);
        logger.Verify(
            log => log.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<NullReferenceException>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
    }

    [Fact]
    public void Read_ParserReturnsNothing_SkippedAsNoText()
    {
        using var folder = new TempFolder();
        folder.Write("page.html", "<p>x</p>");
        var html = new Mock<IDocumentParser>();
        html.SetupGet(parser => parser.Extensions).Returns([".html"]);
        html.Setup(parser => parser.Parse(It.IsAny<SourceFile>(), It.IsAny<Stream>())).Returns([]);
        var reader = TestSources.Reader(1024, html.Object);

        var result = reader.Read(reader.Discover(folder.Path).Single());

        Assert.Equal("no text found", result.SkipReason);
    }

    [Fact]
    public void Read_OnlyNavigation_SkippedAsNoProse()
    {
        using var folder = new TempFolder();
        folder.Write("menu.txt", "Home\nAbout\nContact\n");

        var result = ReadOnly(folder);

        Assert.Contains("no prose paragraphs", result.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Sidecar_SuppliesAndOverridesMetadata()
    {
        var reader = TestSources.Reader();
        var file = reader.Discover(TestSources.FixturesFolder).Single(candidate => candidate.Source == "article.txt");

        var result = reader.Read(file);

        var document = Assert.Single(result.Documents);
        Assert.Equal(
            new DocumentMetadata("Records retention policy", "Compliance Office", "2023-11-02", "Example Corp", "https://intranet.example.org/retention"),
            document.Metadata);
        Assert.Equal(2, document.Paragraphs.Count);
    }

    [Fact]
    public void Read_SidecarWithSomeFields_KeepsWhatTheTextGives()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "# Quarterly review\n\nBY JANE DOE\n\nRevenue grew.\n");
        folder.Write("a.txt.meta.json", "{\"date\": \"2024-01-31\", \"unknown\": true}");

        var document = Assert.Single(ReadOnly(folder).Documents);

        Assert.Equal(new DocumentMetadata("Quarterly review", "Jane Doe", "2024-01-31"), document.Metadata);
    }

    [Fact]
    public void Read_InvalidSidecar_IgnoredWithNote()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "# Quarterly review\n\nRevenue grew.\n");
        folder.Write("a.txt.meta.json", "{ title: oops");

        var result = ReadOnly(folder);

        Assert.Equal("Quarterly review", Assert.Single(result.Documents).Metadata.Title);
        Assert.Contains(result.Notes, note => note.StartsWith("ignored a.txt.meta.json: not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MarkdownFixtureWithFrontMatter_MetadataFromFrontMatter()
    {
        var reader = TestSources.Reader();
        var file = reader.Discover(TestSources.FixturesFolder).Single(candidate => candidate.Source == "team-handbook.md");

        var document = Assert.Single(reader.Read(file).Documents);

        Assert.Equal(
            new DocumentMetadata("Team Handbook", "Jane Doe", "2024-03-01", "Platform Team", "https://wiki.example.org/handbook"),
            document.Metadata);
    }

    [Fact]
    public void AddSourceIngest_RegistersReaderWithEveryFormatsParserOnce()
    {
        var services = new ServiceCollection();

        services.AddSourceIngest();
        services.AddSourceIngest(); // registering twice must not duplicate parsers

        var reader = Assert.Single(services, service => service.ServiceType == typeof(ISourceReader));
        Assert.Equal(typeof(SourceReader), reader.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, reader.Lifetime);
        var parsers = services.Where(service => service.ServiceType == typeof(IDocumentParser)).Select(service => service.ImplementationType).ToList();
        Assert.Equal([typeof(PlainTextParser), typeof(MarkdownParser), typeof(HtmlParser), typeof(PdfParser)], parsers);
    }

    private static SourceReadResult ReadOnly(TempFolder folder)
    {
        var reader = TestSources.Reader();
        return reader.Read(reader.Discover(folder.Path).Single());
    }
}
