using ChatBrief.Core.Sources;
using ChatBrief.Core.Sources.Parsers;

namespace ChatBrief.Core.Tests.Sources;

public class HtmlParserTests
{
    private const string NewsPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Allies widen drills | The Harbour Times</title>
          <meta property="og:title" content="Allies widen joint drills in southern waters">
          <meta property="og:site_name" content="The Harbour Times">
          <meta property="og:url" content="https://example.org/og-address">
          <meta name="author" content="Jane Doe">
          <meta property="article:published_time" content="2024-03-05T23:30:00+09:00">
          <link rel="canonical" href="https://example.org/news/allies-widen-drills">
          <style>p { color: red; }</style>
          <script>var tracking = "Do not quote this script.";</script>
        </head>
        <body>
          <header><a href="/">The Harbour Times</a> <p>Subscribe today for unlimited access.</p></header>
          <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
          <main>
            <article>
              <h1>Allies widen joint drills</h1>
              <p>The alliance agreed on Tuesday to expand joint exercises in the southern waters, officials said.</p>
              <p>&ldquo;We will train together more often,&rdquo; the minister said &mdash; a change of&nbsp;tone
                 from last year&#39;s talks.</p>
              <h2>What comes next</h2>
              <ul><li>A second round of talks is planned for the autumn in Tokyo.</li></ul>
              <blockquote>The drills are defensive in nature and threaten no one.</blockquote>
              <form><label>Sign up for our newsletter to get the news first.</label><button>Sign up</button></form>
              <aside><p>Related: the navy's budget rose by a tenth this year, the ministry said.</p></aside>
              <script>document.write("Injected text that no reader sees.");</script>
            </article>
          </main>
          <footer><p>Copyright 2024 The Harbour Times. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void ParseText_NewsPage_KeepsOnlyTheArticleParagraphs()
    {
        var document = Parse(NewsPage);

        Assert.Equal(
            [
                "The alliance agreed on Tuesday to expand joint exercises in the southern waters, officials said.",
                "“We will train together more often,” the minister said — a change of tone from last year's talks.",
                "A second round of talks is planned for the autumn in Tokyo.",
                "The drills are defensive in nature and threaten no one.",
            ],
            TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_NewsPage_ReadsMetadataFromTheMetaTags()
    {
        var document = Parse(NewsPage);

        Assert.Equal(
            new DocumentMetadata("Allies widen joint drills in southern waters", "Jane Doe", "2024-03-05", "The Harbour Times", "https://example.org/news/allies-widen-drills"),
            document.Metadata);
    }

    [Fact]
    public void ParseText_NoMetaTags_FallsBackToTitleTimeAndOgUrl()
    {
        var document = Parse("""
            <html><head><title>Budget  notes</title><meta property="og:url" content="https://example.org/budget"></head>
            <body><p>By Kate Polit</p><p>The budget was <time datetime="2023-11-02">approved yesterday</time> by the council.</p></body></html>
            """);

        Assert.Equal(new DocumentMetadata("Budget notes", "Kate Polit", "2023-11-02", null, "https://example.org/budget"), document.Metadata);
        Assert.Equal(["The budget was approved yesterday by the council."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_NoTitleElement_UsesTheFirstH1AndIgnoresAnAuthorProfileAddress()
    {
        var document = Parse("""
            <html><head><meta property="article:author" content="https://social.example.org/janedoe"></head>
            <body><header><h1>Harbour plans</h1></header><p>The harbour will be dredged next year, the council said.</p></body></html>
            """);

        Assert.Equal(("Harbour plans", null), (document.Metadata.Title, document.Metadata.Author));
    }

    [Fact]
    public void ParseText_SeveralArticles_ReadsTheLongestOutsideTheLayout()
    {
        var document = Parse("""
            <html><body>
            <article><p>A short teaser of another story, it says.</p></article>
            <article><p>The main story is the longest article on the page, and it goes on for a while about the harbour.</p></article>
            <aside><article><p>A related story in the sidebar that is much, much longer than anything else on the page, so it would win on length alone.</p></article></aside>
            </body></html>
            """);

        Assert.Equal(["The main story is the longest article on the page, and it goes on for a while about the harbour."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_LineBreaksAndInlineMarkup_AreLinesOfOneParagraph()
    {
        var document = Parse("""<html><body><div>The council met <em>twice</em> in <a href="/may">May</a>,<br>and agreed on the plan.</div></body></html>""");

        Assert.Equal(["The council met twice in May, and agreed on the plan."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_MenuOfLinksInTheArticle_IsDropped()
    {
        var document = Parse("""
            <html><body><article><p>The plan was approved by the council after a long debate.</p>
            <div><a href="/a">Harbour</a> | <a href="/b">Council</a> | <a href="/c">Budget 2024 and the Long Debate About It</a></div></article></body></html>
            """);

        Assert.Equal(["The plan was approved by the council after a long debate."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_OnlyLayoutAndScripts_ThrowsNoArticleText()
    {
        var error = Assert.Throws<InvalidSourceException>(() => Parse("""
            <html><head><script>var app = "A single-page app renders everything here.";</script></head>
            <body><nav><a href="/">Home</a></nav><div id="app" hidden>Loading the application, please wait.</div><p style="display: none">This cookie notice is never shown to a reader.</p><footer><p>All rights reserved.</p></footer></body></html>
            """));

        Assert.Equal("no article text found (only navigation, headers, scripts or forms)", error.Message);
    }

    private static SourceDocument Parse(string html) => Assert.Single(new HtmlParser().ParseText(TestSources.FileNamed("page.html"), html));
}
