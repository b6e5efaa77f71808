using ChatBrief.Core.Analysis;

namespace ChatBrief.Core.Tests.Analysis;

public class EnglishLexiconTests
{
    [Fact]
    public void Read_OneLine_LinksAnalysedTermsBothWays()
    {
        using var analyzer = new ChatBriefAnalyzer();

        var table = EnglishLexicon.Read(new StringReader("defeat\tbeat vanquish\n"), analyzer);

        Assert.Contains("beat", table.SynonymsOf("defeat"));
        Assert.Contains("vanquish", table.SynonymsOf("defeat"));
        Assert.Contains("defeat", table.SynonymsOf("beat"));
    }

    [Fact]
    public void Read_WordsThatAreStopWordsOrSeveralTerms_AreSkipped()
    {
        using var analyzer = new ChatBriefAnalyzer();

        var table = EnglishLexicon.Read(new StringReader("war\tthe F-35A warfare\nmalformed line without a tab\n"), analyzer);

        Assert.Equal(["warfar"], table.SynonymsOf("war"));
        Assert.Empty(table.SynonymsOf("the"));
    }

    [Fact]
    public void Read_WordWithoutSynonyms_IsKnownWithNone()
    {
        using var analyzer = new ChatBriefAnalyzer();

        var table = EnglishLexicon.Read(new StringReader("rice\t\nmalformed line without a tab\n"), analyzer);

        Assert.True(table.Contains("rice"));
        Assert.Empty(table.SynonymsOf("rice"));
        Assert.False(table.Contains("malform"));
    }

    [Fact]
    public void Cache_WrittenAndReadBack_KnowsTheSameWordsSynonymsAndSpellings()
    {
        using var analyzer = new ChatBriefAnalyzer();
        var table = EnglishLexicon.Read(new StringReader("defeat\tbeat vanquish\nrice\t\ndefence\tdefense\n"), analyzer);
        var path = Path.Combine(Path.GetTempPath(), $"lexicon-{Guid.NewGuid():N}.tsv");
        try
        {
            table.TryWriteCache(path);
            var cached = EnglishLexicon.TryReadCache(path);

            Assert.NotNull(cached);
            foreach (var term in new[] { "defeat", "beat", "vanquish", "rice", "defenc", "defens", "absent" })
            {
                Assert.Equal(table.Contains(term), cached.Contains(term));
                Assert.Equal(table.SynonymsOf(term), cached.SynonymsOf(term));
            }

            Assert.Equal(table.ClosestSpellings("defense", 1), cached.ClosestSpellings("defense", 1));
            Assert.NotEmpty(cached.ClosestSpellings("rce", 1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("defeat\tbeat\n")]
    [InlineData("only one field\n\nspelling\n")]
    public void Cache_DamagedOrCut_IsNotUsed(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lexicon-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, content);
        try
        {
            Assert.Null(EnglishLexicon.TryReadCache(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Shared_Contains_EnglishWordsAndTheirFormsButNotNames()
    {
        using var analyzer = new ChatBriefAnalyzer();
        bool Known(string word) => EnglishLexicon.Shared.Contains(analyzer.Tokenize(Core.Indexing.IndexSchema.Text, word).Single().Term);

        Assert.True(Known("islands"));
        Assert.True(Known("rice"));
        Assert.True(Known("France"));
        Assert.False(Known("Iwaya"));
        Assert.False(Known("Senkau"));
    }

    [Theory]
    [InlineData("availabilty", 2, "availability")]
    [InlineData("rcie", 1, "rice")]
    [InlineData("Goverment", 2, "government")]
    public void ClosestSpellings_Slip_FindsTheWord(string typed, int maxEdits, string expected)
    {
        Assert.Contains(expected, EnglishLexicon.Shared.ClosestSpellings(typed, maxEdits));
    }

    [Fact]
    public void ClosestSpellings_FewestEditsOnly_AndNothingWhenTooFar()
    {
        Assert.Equal(["island"], EnglishLexicon.Shared.ClosestSpellings("islnd", 2));
        Assert.Empty(EnglishLexicon.Shared.ClosestSpellings("qzxv", 1));
    }

    [Fact]
    public void SynonymsOf_UnknownTerm_IsEmpty()
    {
        Assert.Empty(EnglishLexicon.Shared.SynonymsOf("zzyzx"));
    }

    [Fact]
    public void Shared_IrregularVerbForm_MeetsItsLemma()
    {
        Assert.Contains("win", EnglishLexicon.Shared.SynonymsOf("won"));
        Assert.Contains("defeat", EnglishLexicon.Shared.SynonymsOf("beat"));
    }
}
