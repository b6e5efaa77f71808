using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Tests.Sources;

public class MarkdownParserTests
{
    [Fact]
    public void ParseText_FrontMatter_SuppliesAllMetadataAndIsNotAPassage()
    {
        var document = TestSources.ParseMarkdown("---\ntitle: 'Quarterly review'\nauthor: \"Jane Doe\"\ndate: 2024-01-31\npublisher: Finance\nurl: https://example.org/q\nlist:\n  - a\n---\n\nRevenue grew.");

        Assert.Equal(new DocumentMetadata("Quarterly review", "Jane Doe", "2024-01-31", "Finance", "https://example.org/q"), document.Metadata);
        Assert.Equal(["Revenue grew."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_FrontMatterAndHeadingAndByline_ExplicitMetadataWins()
    {
        var document = TestSources.ParseMarkdown("---\ntitle: Chosen title\nauthor: Chosen Author\n---\n# Heading title\n\nBy Someone Else\n\nRevenue grew.");

        Assert.Equal("Chosen title", document.Metadata.Title);
        Assert.Equal("Chosen Author", document.Metadata.Author);
    }

    [Fact]
    public void ParseText_FirstHeading_IsTitleAndNoHeadingIsAPassage()
    {
        var document = TestSources.ParseMarkdown("Intro line that is a full sentence.\n\n# First *heading*\n\nText one.\n\n## Second heading\n\nText two.\n\nSetext heading\n--------------\n\nText three.");

        Assert.Equal("First heading", document.Metadata.Title);
        Assert.Equal(["Intro line that is a full sentence.", "Text one.", "Text two.", "Text three."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_Headings_GiveEachParagraphItsSectionsAnchorAsGitHubNamesIt()
    {
        var document = TestSources.ParseMarkdown("Intro before any heading.\n\n# Setting up *Discord*\n\nText one.\n\n- A list item.\n\n## Q&A: the 2+2 talks\n\nText two.\n\n## Setting up Discord\n\nText three.");

        Assert.Equal(
            [null, "setting-up-discord", "setting-up-discord", "qa-the-22-talks", "setting-up-discord-1"],
            document.Paragraphs.Select(paragraph => paragraph.Anchor));
    }

    [Fact]
    public void ParseText_InlineMarkup_ReducedToTheWordsAReaderSees()
    {
        var document = TestSources.ParseMarkdown(
            "The [joint declaration](#) came *prior* to __that__, see ![chart](c.png), <https://example.org>, " +
            "[brad@pacforum.org](mailto:brad@pacforum.org), <ann@example.org>, `code` and AT&amp;T.<br>Done.");

        Assert.Equal(
            "The joint declaration came prior to that, see chart, https://example.org, brad@pacforum.org, ann@example.org, code and AT&T. Done.",
            Assert.Single(document.Paragraphs).Text);
    }

    [Fact]
    public void ParseText_SoftLineBreaksInAParagraph_JoinedWithOneSpace()
    {
        var document = TestSources.ParseMarkdown("The ministers met\nin Washington  \nto talk.");

        Assert.Equal("The ministers met in Washington to talk.", Assert.Single(document.Paragraphs).Text);
    }

    [Fact]
    public void ParseText_ItalicBio_GivesAuthor()
    {
        var document = TestSources.ParseMarkdown("# Title\n\n*Brad Glosserman ([brad@pacforum.org](mailto:brad@pacforum.org)) is deputy director of the Center.*\n\nThe alliance remains strong.");

        Assert.Equal("Brad Glosserman", document.Metadata.Author);
        Assert.Equal("Brad Glosserman (brad@pacforum.org) is deputy director of the Center.", document.Paragraphs[0].Text);
    }

    [Fact]
    public void ParseText_ListOfLinksOnly_DroppedAsNavigation()
    {
        var document = TestSources.ParseMarkdown("The alliance remains strong.\n\n- [Home](/)\n- [About us](/about)\n\n[Privacy](/p) | [Terms](/t)");

        Assert.Equal(["The alliance remains strong."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_ListItemsWithProse_EachBecomesAParagraph()
    {
        var document = TestSources.ParseMarkdown("Steps:\n\n1. Open the [console](https://c).\n2. Approve the deploy, then wait for the checks.\n");

        Assert.Equal(["Steps:", "Open the console.", "Approve the deploy, then wait for the checks."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_ParagraphsCutByAPageBreak_Repaired()
    {
        var document = TestSources.ParseMarkdown("The treaty obliges the US to\n\ncome to Japan’s defense.\n\n> quoted text follows.");

        Assert.Equal(["The treaty obliges the US to come to Japan’s defense.", "quoted text follows."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_HtmlBlocksAndThematicBreaks_Ignored()
    {
        var document = TestSources.ParseMarkdown("<div class=\"ad\">\n<script>x()</script>\n</div>\n\n***\n\nThe alliance remains strong.\n\n<!-- a comment -->");

        Assert.Equal(["The alliance remains strong."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_FencedCode_KeptAsOnePassage()
    {
        var document = TestSources.ParseMarkdown("Run this:\n\n```\ndotnet   build\ndotnet test\n```\n");

        Assert.Equal(["Run this:", "dotnet build dotnet test"], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_NoHeadingAndReadableName_NameIsTitle()
    {
        var document = TestSources.ParseMarkdown("The alliance remains strong.", "team/on-call-rota.markdown");

        Assert.Equal("On call rota", document.Metadata.Title);
        Assert.Equal("team/on-call-rota.markdown", document.Source);
    }
}
