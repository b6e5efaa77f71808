namespace ChatBrief.Core.Tests.Sources;

/// <summary>The bundled seeds, read exactly as the index reads them.</summary>
public class SeedIngestTests
{
    private const string Seed000 = "000_a0faeb7ade4ac0d7.txt";
    private const string Seed002 = "002_46279a2a37e59433.txt";
    private const string Seed004 = "004_96b31eea1c926156.txt";

    // Each paragraph was broken across lines mid-sentence; the edge is the paragraph's own first or last words.
    [Theory]
    [InlineData("obliges the US to", "which obliges the US to come to Japan’s defense, applies to the Senkaku Islands.", "Four elements of this year’s SCC declaration", "come to")]
    [InlineData("presents an", "malicious cyber activity presents an increasing threat to the security", "Article V of the U.S.-Japan Security Treaty.”", "increasing threat")]
    public void Read_Seed004_ParagraphBrokenMidSentenceComesOutWhole(string breakAt, string whole, string edge, string orphanStart)
    {
        var texts = TestSources.Texts(TestSources.ReadSeed(Seed004));

        var paragraph = Assert.Single(texts, text => text.Contains(breakAt, StringComparison.Ordinal));
        Assert.Contains(whole, paragraph, StringComparison.Ordinal);
        Assert.True(paragraph.StartsWith(edge, StringComparison.Ordinal) || paragraph.EndsWith(edge, StringComparison.Ordinal), paragraph);
        Assert.DoesNotContain(texts, text => text.StartsWith(orphanStart, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Seed004_MarkdownLinksAndEmphasisReducedToTheirText()
    {
        var texts = TestSources.Texts(TestSources.ReadSeed(Seed004));
        var all = string.Join("\n", texts);

        Assert.Contains("The joint declaration released at its conclusion", all, StringComparison.Ordinal);
        Assert.Contains("will be taken prior to hostilities", all, StringComparison.Ordinal);
        Assert.Contains("malicious cyber activity at its source...”", all, StringComparison.Ordinal);
        Assert.Contains("Brad Glosserman (brad@pacforum.org) is deputy director", all, StringComparison.Ordinal);
        Assert.DoesNotContain("](", all, StringComparison.Ordinal);
        Assert.DoesNotContain("*", all, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", all, StringComparison.Ordinal);
        Assert.DoesNotContain("##", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Seed004_HeadingIsTitleAndBylineIsAuthorNotPassages()
    {
        var document = TestSources.ReadSeed(Seed004);

        Assert.Equal("2+2 MEETING HITS (ALMOST) ALL THE RIGHT NOTES", document.Metadata.Title);
        Assert.Equal("Brad Glossreman", document.Metadata.Author);
        Assert.DoesNotContain(document.Paragraphs, paragraph => paragraph.Text.Contains("MEETING HITS", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Paragraphs, paragraph => paragraph.Text.Contains("BY BRAD", StringComparison.Ordinal));
        Assert.StartsWith("Brad Glosserman (brad@pacforum.org)", document.Paragraphs[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Paragraphs, paragraph => paragraph.Text.Contains("request a PacNet subscription", StringComparison.Ordinal));
        Assert.Equal(14, document.Paragraphs.Count);
        Assert.Equal(Enumerable.Range(1, 14), document.Paragraphs.Select(paragraph => paragraph.Number));
    }

    [Fact]
    public void Read_Seed002_NavigationLinesDroppedAndAuthorBioKept()
    {
        var document = TestSources.ReadSeed(Seed002);
        var texts = TestSources.Texts(document);

        Assert.Equal("Kate Polit", document.Metadata.Author);
        Assert.Equal(
            "Kate Polit is MeriTalk's Assistant Copy & Production Editor covering the intersection of government and technology.",
            texts[^1]);
        Assert.DoesNotContain(texts, text => text.Contains("Read More About", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("More Topics", StringComparison.Ordinal));
        Assert.Equal(9, texts.Count);
    }

    [Fact]
    public void Read_Seed002_CurlyQuotesAndEllipsisKeptAsWritten()
    {
        var texts = TestSources.Texts(TestSources.ReadSeed(Seed002));

        Assert.StartsWith("Secretary of State Mike Pompeo said that a cyberattack could, “in certain circumstances,", texts[0], StringComparison.Ordinal);
        Assert.Contains("know no geographical bounds … And while cyber", texts[5], StringComparison.Ordinal);
        Assert.Contains("Iwaya expressed Japan’s agreement with Pompeo’s conclusion", texts[6], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Seed002_UnreadableNameGivesTitleFromOpeningWordsBeforeTheQuotation()
    {
        var document = TestSources.ReadSeed(Seed002);

        Assert.Equal("Secretary of State Mike Pompeo said that a cyberattack could…", document.Metadata.Title);
    }

    [Fact]
    public void Read_Seed000_UnreadableNameGivesTitleFromOpeningWords()
    {
        var document = TestSources.ReadSeed(Seed000);

        Assert.Equal("With China and Russia making ground on their respective space programs…", document.Metadata.Title);
        Assert.Null(document.Metadata.Author);
        Assert.Equal(9, document.Paragraphs.Count);
        Assert.StartsWith("\"The ministers affirmed that international law applies", document.Paragraphs[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_SeedsFolder_ListsTheThreeSeedsInOrder()
    {
        var files = TestSources.Reader().Discover(TestSources.SeedsFolder);

        Assert.Equal([Seed000, Seed002, Seed004], files.Select(file => file.Source));
        Assert.All(files, file => Assert.Matches("^[0-9a-f]{64}$", file.ContentHash));
    }
}
