using System.Text;
using ChatBrief.Core.Sources;
using ChatBrief.Core.Sources.Parsers;

namespace ChatBrief.Core.Tests.Sources;

public class PlainTextParserTests
{
    [Fact]
    public void ParseText_MarkdownishInlineMarkup_ReducedToItsWords()
    {
        var document = TestSources.ParseText(
            "The [joint declaration](#) was *prior* to **that**; write to [brad@pacforum.org](mailto:brad@pacforum.org) or see ![the chart](chart.png) and `git log`.");

        Assert.Equal(
            "The joint declaration was prior to that; write to brad@pacforum.org or see the chart and git log.",
            Assert.Single(document.Paragraphs).Text);
    }

    [Fact]
    public void ParseText_HashHeading_BecomesTitleNotAPassage()
    {
        var document = TestSources.ParseText("## The *real* title ##\nFirst paragraph follows at once.\n\nSecond one.");

        Assert.Equal("The real title", document.Metadata.Title);
        Assert.Equal(["First paragraph follows at once.", "Second one."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_LinesThatLookLikeMarkdownBlocks_KeepEveryCharacter()
    {
        var document = TestSources.ParseText("1986. The year the treaty was revised.\n\n- 5 degrees was the low.\n\n> Quoted remark.\n\nC:\\Users\\bob and snake_case_name stay; 2 * 3 * 4 is 24.");

        Assert.Equal(
            ["1986. The year the treaty was revised.", "- 5 degrees was the low.", "> Quoted remark.", "C:\\Users\\bob and snake_case_name stay; 2 * 3 * 4 is 24."],
            TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_CrlfTabsAndNonBreakingSpaces_NormalisedToSingleSpaces()
    {
        var document = TestSources.ParseText("  The\talliance\u00A0remains\u202Fstrong,\r\nsaid   the\u2009minister.\r\n\r\nNext\u200B para\u00ADgraph.\r\n");

        Assert.Equal(["The alliance remains strong, said the minister.", "Next paragraph."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_CurlyQuotesAndDashes_KeptAsWritten()
    {
        var document = TestSources.ParseText("He said “it’s done” – and left… ‘quietly’.");

        Assert.Equal("He said “it’s done” – and left… ‘quietly’.", Assert.Single(document.Paragraphs).Text);
    }

    [Fact]
    public void ParseText_ParagraphCutMidSentenceBeforeLowerCase_RepairedIntoOne()
    {
        var document = TestSources.ParseText("The treaty obliges the US to\n\ncome to Japan’s defense. It also applies to the islands.\n\nA new paragraph.");

        Assert.Equal(["The treaty obliges the US to come to Japan’s defense. It also applies to the islands.", "A new paragraph."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_PageFooterBetweenTheHalves_RemovedAndParagraphRepaired()
    {
        var document = TestSources.ParseText("The treaty obliges the US to\n\nPage 3\n\ncome to Japan’s defense.");

        Assert.Equal("The treaty obliges the US to come to Japan’s defense.", Assert.Single(document.Paragraphs).Text);
    }

    [Fact]
    public void ParseText_FinishedSentenceBeforeLowerCaseParagraph_NotMerged()
    {
        var document = TestSources.ParseText("The first paragraph ends here.\n\niPhone sales rose in the second quarter.");

        Assert.Equal(2, document.Paragraphs.Count);
    }

    [Fact]
    public void ParseText_MidSentenceBeforeCapitalisedParagraph_NotMerged()
    {
        var document = TestSources.ParseText("Results by region\n\nThe north grew fastest of all regions this year.\n\nEurope followed closely behind it.");

        Assert.Equal(["The north grew fastest of all regions this year.", "Europe followed closely behind it."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_HeadingBetweenBrokenLookingParagraphs_NotMerged()
    {
        var document = TestSources.ParseText("The list of remaining tasks for the whole team goes on and on\n\n# next steps\n\nwe will meet again soon.");

        Assert.Equal(["The list of remaining tasks for the whole team goes on and on", "we will meet again soon."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_RunOfNavigationLinesGluedToBio_LinesDroppedBioKept()
    {
        var document = TestSources.ParseText(
            "The talks ended on Friday.\n\nShare this\nRelated Articles\nTags: Defense, Cyber\nJohn Smith\nJohn Smith is a senior reporter covering defense policy.");

        Assert.Equal(["The talks ended on Friday.", "John Smith is a senior reporter covering defense policy."], TestSources.Texts(document));
        Assert.Equal("John Smith", document.Metadata.Author);
    }

    [Fact]
    public void ParseText_HardWrappedProse_KeptAsOneParagraph()
    {
        var document = TestSources.ParseText(
            "The ministers met in Washington to discuss\nthe alliance and its future, including\ncyber defense and space.");

        Assert.Equal("The ministers met in Washington to discuss the alliance and its future, including cyber defense and space.", Assert.Single(document.Paragraphs).Text);
    }

    [Fact]
    public void ParseText_StandaloneShortLinesAfterProse_DroppedAsNavigation()
    {
        var document = TestSources.ParseText("The talks ended on Friday.\n\nAdvertisement\n\nBoth sides agreed to meet again.\n\nMore Topics");

        Assert.Equal(["The talks ended on Friday.", "Both sides agreed to meet again."], TestSources.Texts(document));
    }

    [Theory]
    [InlineData("BY BRAD GLOSSREMAN", "Brad Glossreman")]
    [InlineData("By Jane Doe", "Jane Doe")]
    [InlineData("By J. R. Smith and Ana de la Cruz", "J. R. Smith and Ana de la Cruz")]
    [InlineData("BY JEAN-LUC O'BRIEN", "Jean-Luc O'Brien")]
    public void ParseText_BylineLine_GivesAuthorAndIsNotAPassage(string byline, string author)
    {
        var document = TestSources.ParseText($"# Title\n\n{byline}\n\nThe talks ended on Friday.");

        Assert.Equal(author, document.Metadata.Author);
        Assert.Equal(["The talks ended on Friday."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_ProseStartingWithBy_NotTakenForAByline()
    {
        var document = TestSources.ParseText("By 2020 the alliance had grown.\n\nBy the way\n\nIt had.");

        Assert.Null(document.Metadata.Author);
        Assert.Equal("By 2020 the alliance had grown.", document.Paragraphs[0].Text);
    }

    [Fact]
    public void ParseText_ItalicBioParagraph_GivesAuthorAndStaysAPassage()
    {
        var document = TestSources.ParseText("*Ann Lee (ann@example.org) is a research fellow at the Example Institute.*\n\nThe talks ended on Friday.");

        Assert.Equal("Ann Lee", document.Metadata.Author);
        Assert.Equal("Ann Lee (ann@example.org) is a research fellow at the Example Institute.", document.Paragraphs[0].Text);
    }

    [Fact]
    public void ParseText_LastParagraphStartsWithANameButIsNoBio_NoAuthor()
    {
        var document = TestSources.ParseText("The talks ended on Friday.\n\nMike Pompeo is expected to visit Tokyo in May.");

        Assert.Null(document.Metadata.Author);
    }

    [Fact]
    public void ParseText_BylineAndBio_BylineWins()
    {
        var document = TestSources.ParseText("By Jane Doe\n\nThe talks ended on Friday.\n\nJohn Smith is a senior reporter covering defense.");

        Assert.Equal("Jane Doe", document.Metadata.Author);
    }

    [Fact]
    public void ParseText_ShortFirstLineWithoutHeadingMarkup_BecomesTitle()
    {
        var document = TestSources.ParseText("US and Japan extend treaty to cyberspace\n\nThe ministers agreed on Friday.");

        Assert.Equal("US and Japan extend treaty to cyberspace", document.Metadata.Title);
        Assert.Equal(["The ministers agreed on Friday."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_ReadableFileNameAndNoHeading_FileNameIsTitle()
    {
        var document = TestSources.ParseText("The ministers agreed on Friday.", "2024_q3-planning_notes.txt");

        Assert.Equal("Q3 planning notes", document.Metadata.Title);
    }

    [Fact]
    public void ParseText_GeneratedFileNameAndShortFirstSentence_FirstSentenceIsTitle()
    {
        var document = TestSources.ParseText("The ministers agreed on Friday. Then they left.", "7f3a9c0e12b4.txt");

        Assert.Equal("The ministers agreed on Friday", document.Metadata.Title);
    }

    [Fact]
    public void ParseText_FormFeed_EndsAParagraph()
    {
        var document = TestSources.ParseText("The first page ends here.\fThe second page starts here.");

        Assert.Equal(["The first page ends here.", "The second page starts here."], TestSources.Texts(document));
    }

    [Fact]
    public void ParseText_OnlyHeadingsAndBylines_ThrowsInvalidSource()
    {
        var error = Assert.Throws<InvalidSourceException>(() => TestSources.ParseText("# Title\n\nBY JANE DOE\n\nHome\nAbout"));

        Assert.Contains("no prose paragraphs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseText_Paragraphs_NumberedFromOneWithoutIds()
    {
        var document = TestSources.ParseText("One.\n\n\n\nTwo.\n\nThree.");

        Assert.Equal([new Paragraph(1, "One."), new Paragraph(2, "Two."), new Paragraph(3, "Three.")], document.Paragraphs);
    }

    [Fact]
    public void Parse_StreamThroughTheParserInterface_DecodedAndParsed()
    {
        IDocumentParser parser = new PlainTextParser();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("One.\r\n\r\nTwo."));

        var document = Assert.Single(parser.Parse(TestSources.FileNamed("a.txt"), stream));

        Assert.Equal(["One.", "Two."], TestSources.Texts(document));
        Assert.Equal([".txt"], parser.Extensions);
    }
}
