using ChatBrief.Core.Answers;

namespace ChatBrief.Core.Tests.Answers;

public class SourceLinkTests
{
    [Theory]
    [InlineData("https://example.org/a b.html", null, "https://example.org/a%20b.html")]
    [InlineData("https://example.org/report.pdf", 3, "https://example.org/report.pdf#page=3")]
    [InlineData("https://example.org/report.pdf#section-2", 3, "https://example.org/report.pdf#section-2")]
    [InlineData("http://intranet.example/notes", null, "http://intranet.example/notes")]
    public void For_WebAddress_LinksThere(string url, int? page, string expected) =>
        Assert.Equal(expected, SourceLink.For(url, page));

    [Theory]
    [InlineData("https://example.org/guide", "setting-up-discord", "https://example.org/guide#setting-up-discord")]
    [InlineData("https://example.org/guide#top", "setting-up-discord", "https://example.org/guide#top")]
    [InlineData("https://example.org/guide", "", "https://example.org/guide")]
    [InlineData("https://example.org/guide", "q&a \"x\"", "https://example.org/guide#q%26a%20%22x%22")]
    public void For_SectionOfMarkdown_LinksToItsHeadingAnchor(string url, string anchor, string expected) =>
        Assert.Equal(expected, SourceLink.For(url, null, anchor));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("notes/a.html")]
    public void For_NoWebAddress_NoLink(string? url) =>
        Assert.Null(SourceLink.For(url, 2));

    [Fact]
    public void MadeUpTitle_IsMarkedAsNoTitleOfTheDocument() =>
        Assert.Equal("“Tokyo and Washington agreed…” (untitled)", AnswerWording.MadeUpTitle("Tokyo and Washington agreed…"));
}
