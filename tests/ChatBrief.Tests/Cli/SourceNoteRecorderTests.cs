using ChatBrief.Cli;
using ChatBrief.Core.Sources;
using Moq;

namespace ChatBrief.Tests.Cli;

public class SourceNoteRecorderTests
{
    private static SourceFile File(string source) => new($"/sources/{source}", source, "hash", 10);

    [Fact]
    public void Read_FilesReadWithNotes_KeepsEachNoteWithItsSourceInOrder()
    {
        var reader = new Mock<ISourceReader>();
        var document = new SourceDocument("legacy.txt", new DocumentMetadata("Legacy"), []);
        reader.Setup(r => r.Read(File("legacy.txt"))).Returns(new SourceReadResult([document], null, ["read as Windows-1252"]));
        reader.Setup(r => r.Read(File("a.txt"))).Returns(new SourceReadResult([document], null, ["ignored a.txt.meta.json: not valid JSON"]));
        var recorder = new SourceNoteRecorder(reader.Object);

        var result = recorder.Read(File("legacy.txt"));
        recorder.Read(File("a.txt"));

        Assert.Same(document, Assert.Single(result.Documents));
        Assert.Equal([new SourceNote("legacy.txt", "read as Windows-1252"), new SourceNote("a.txt", "ignored a.txt.meta.json: not valid JSON")], recorder.Notes);
    }

    [Fact]
    public void Read_SkippedFile_LeavesItsNotesToTheSkipReason()
    {
        var reader = new Mock<ISourceReader>();
        reader.Setup(r => r.Read(It.IsAny<SourceFile>())).Returns(new SourceReadResult([], "no text found", ["read as Windows-1252"]));
        var recorder = new SourceNoteRecorder(reader.Object);

        var result = recorder.Read(File("blank.txt"));

        Assert.Equal("no text found", result.SkipReason);
        Assert.Empty(recorder.Notes);
    }
}
