using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Tests.Answers;

public class AnswerWordingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.5, "index built just now")]
    [InlineData(1, "index built 1 minute ago")]
    [InlineData(59, "index built 59 minutes ago")]
    [InlineData(180, "index built 3 hours ago")]
    [InlineData(2 * 24 * 60, "index built 2 days ago")]
    public void IndexAge_BuiltAgo_SaysHowLongInWords(double minutes, string expected)
    {
        Assert.Equal(expected, AnswerWording.IndexAge(Now.AddMinutes(-minutes), Now));
    }

    [Fact]
    public void IndexAge_NeverBuilt_SaysSo()
    {
        Assert.Equal("index not built yet", AnswerWording.IndexAge(null, Now));
    }

    [Theory]
    [InlineData(1, "Searched for “w1” instead of “t1”.")]
    [InlineData(2, "Searched for “w1” instead of “t1” and “w2” instead of “t2”.")]
    [InlineData(3, "Searched for “w1” instead of “t1”, “w2” instead of “t2” and “w3” instead of “t3”.")]
    [InlineData(5, "Searched for “w1” instead of “t1”, “w2” instead of “t2”, “w3” instead of “t3” and 2 other words.")]
    [InlineData(4, "Searched for “w1” instead of “t1”, “w2” instead of “t2”, “w3” instead of “t3” and 1 other word.")]
    public void Corrected_Slips_NamesAtMostThree(int count, string expected)
    {
        var corrections = Enumerable.Range(1, count).Select(i => new CorrectedWord($"t{i}", $"w{i}")).ToList();

        Assert.Equal(expected, AnswerWording.Corrected(corrections));
    }

    [Theory]
    [InlineData("Kate Polit", "Title, by Kate Polit (a.txt, paragraph 4)")]
    [InlineData(null, "Title (a.txt, paragraph 4)")]
    public void Citation_Passage_NamesTitleAuthorSourceAndParagraph(string? author, string expected)
    {
        var passage = new AnswerPassage(1, "a.txt#4", "a.txt", "Title", author, 4, "Text.", "Text.", 1, []);

        Assert.Equal(expected, AnswerWording.Citation(passage));
    }

    [Fact]
    public void Citation_PagedSource_NamesThePageBeforeTheParagraph()
    {
        var passage = new AnswerPassage(1, "report.pdf#7", "report.pdf", "Title", "Jane Doe", 7, "Text.", "Text.", 1, [], Page: 4);

        Assert.Equal("Title, by Jane Doe (report.pdf, page 4, paragraph 7)", AnswerWording.Citation(passage));
    }

    public static TheoryData<IndexBuildProgress?, string?> Builds => new()
    {
        { null, null },
        { new IndexBuildProgress(0, 0, null), "Reindexing: starting." },
        { new IndexBuildProgress(3, 40, "c.txt"), "Reindexing: 3 of 40 sources read." },
        { new IndexBuildProgress(3, 40, "c.txt") { Embedded = 64, ToEmbed = 1200 }, "Reindexing: 3 of 40 sources read; embedding 64 of 1,200 passages of c.txt." },
    };

    [Theory]
    [MemberData(nameof(Builds))]
    public void Reindexing_RunningBuild_SaysHowFarItHasGot(IndexBuildProgress? progress, string? expected)
    {
        Assert.Equal(expected, AnswerWording.Reindexing(new IndexStatus(true, 1, 1, null) { BuildProgress = progress }));
    }
}
