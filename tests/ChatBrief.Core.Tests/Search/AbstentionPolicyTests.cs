using ChatBrief.Core.Indexing;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Search;
using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Tests.Search;

public class AbstentionPolicyTests
{
    private static readonly ParsedQuestion Question = new(
        "q", false, [new QueryTerm("capital", 3, 0, new HashSet<string>()), new QueryTerm("france", 3, 1, new HashSet<string>())], [["capital"], ["france"]], [], [], false, false);

    private static RankedPassage Passage(double coverage, int coveredWords) => new(
        new StoredPassage("a#1", "a.txt", 1, 0, "text", [new TextSpan(0, 4)], new DocumentMetadata("A"), []),
        1.0, coverage, 0, coveredWords);

    [Fact]
    public void Judge_NoCandidates_Abstains()
    {
        Assert.NotNull(AbstentionPolicy.Judge(Question, []));
    }

    [Fact]
    public void Judge_MostOfTheWeightCovered_Answers()
    {
        Assert.Null(AbstentionPolicy.Judge(Question, [Passage(0.6, 1)]));
    }

    [Fact]
    public void Judge_OneSharedNameAndAnAbsentRareWord_AbstainsNamingTheAbsentWord()
    {
        var reason = AbstentionPolicy.Judge(Question, [Passage(0.4, 1)]);

        Assert.Contains("capital", reason);
    }

    [Fact]
    public void Judge_ParaphraseCoveringSeveralWords_Answers()
    {
        Assert.Null(AbstentionPolicy.Judge(Question, [Passage(0.35, 3)]));
    }

    [Fact]
    public void Judge_SeveralWordsButLittleWeight_Abstains()
    {
        Assert.NotNull(AbstentionPolicy.Judge(Question, [Passage(0.2, 4)]));
    }

    [Fact]
    public void Judge_WhatSomeoneTheSourcesNeverNameSaid_AbstainsHoweverWellTheTopicMatches()
    {
        var question = new ParsedQuestion(
            "What did Obama say about the Senkaku Islands?", false,
            [new QueryTerm("obama", 3, 0, new HashSet<string>()), new QueryTerm("senkaku", 2.9, 2, new HashSet<string>()), new QueryTerm("island", 2, 4, new HashSet<string>())],
            [["obama"], ["senkaku"], ["island"]], [], [], AsksForSpeaker: true, AsksForAuthor: false)
        {
            NameTerms = new HashSet<string> { "obama", "senkaku", "island" },
        };

        var reason = AbstentionPolicy.Judge(question, [Passage(0.9, 2)]);

        Assert.Equal("the sources never mention: obama", reason);
    }

    [Fact]
    public void Judge_UnknownWordThatIsNoName_LeftToCoverage()
    {
        var question = Question with { AsksForSpeaker = true };

        Assert.Null(AbstentionPolicy.Judge(question, [Passage(0.6, 1)]));
    }
}
