using ChatBrief.Core.Analysis;

namespace ChatBrief.Core.Tests.Analysis;

public class SynonymTableTests
{
    [Fact]
    public void Read_OneLine_LinksAnalysedTermsBothWays()
    {
        using var analyzer = new ChatBriefAnalyzer();

        var table = SynonymTable.Read(new StringReader("defeat\tbeat vanquish\n"), analyzer);

        Assert.Contains("beat", table.For("defeat"));
        Assert.Contains("vanquish", table.For("defeat"));
        Assert.Contains("defeat", table.For("beat"));
    }

    [Fact]
    public void Read_WordsThatAreStopWordsOrSeveralTerms_AreSkipped()
    {
        using var analyzer = new ChatBriefAnalyzer();

        var table = SynonymTable.Read(new StringReader("war\tthe F-35A warfare\nmalformed line without a tab\n"), analyzer);

        Assert.Equal(["warfar"], table.For("war"));
        Assert.Empty(table.For("the"));
    }

    [Fact]
    public void For_UnknownTerm_IsEmpty()
    {
        Assert.Empty(SynonymTable.Shared.For("zzyzx"));
    }

    [Fact]
    public void Shared_IrregularVerbForm_MeetsItsLemma()
    {
        Assert.Contains("win", SynonymTable.Shared.For("won"));
        Assert.Contains("defeat", SynonymTable.Shared.For("beat"));
    }
}
