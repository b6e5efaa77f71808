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

    private static RankedPassage Near(double coverage, int coveredWords, float cosine, double score = 30) =>
        Passage(coverage, coveredWords) with { Cosine = cosine, Score = score };

    // Other candidates, far in meaning, so that the best one stands out as it does in a real search.
    private static IEnumerable<RankedPassage> Others => Enumerable.Range(0, 20).Select(i => Near(0.1, 0, 0.45f + (i % 5 / 100f), score: -10));

    [Fact]
    public void Judge_WithVectors_CloseInMeaningAndSharingTheWords_AnswersThoughTheLexicalTestFails()
    {
        Assert.Null(AbstentionPolicy.Judge(Question, [Near(0.45, 2, 0.75f), .. Others]).Reason);
    }

    [Fact]
    public void Judge_WithVectors_SharingOneWordOfSeveral_AbstainsHoweverClose()
    {
        Assert.NotNull(AbstentionPolicy.Judge(Question, [Near(0.45, 1, 0.75f), .. Others]).Reason);
    }

    [Fact]
    public void Judge_WithVectors_FarInMeaning_AbstainsThoughTheWordsMatch()
    {
        Assert.NotNull(AbstentionPolicy.Judge(Question, [Near(0.6, 2, 0.35f, score: -20), .. Others]).Reason);
    }

    [Fact]
    public void LogOdds_CloserInMeaning_IsHigher()
    {
        var evidence = new AnswerEvidence(0.5, 0.5, 0, 0.5, 1, 10, 1);

        Assert.True(AbstentionPolicy.LogOdds(evidence with { Cosine = 0.7 }) > AbstentionPolicy.LogOdds(evidence));
    }

    [Fact]
    public void Judge_NoCandidates_Abstains()
    {
        Assert.NotNull(AbstentionPolicy.Judge(Question, []).Reason);
    }

    [Fact]
    public void Judge_MostOfTheWeightCovered_Answers()
    {
        Assert.Null(AbstentionPolicy.Judge(Question, [Passage(0.6, 1)]).Reason);
    }

    [Fact]
    public void Judge_OneSharedNameAndAnAbsentRareWord_AbstainsNamingTheAbsentWord()
    {
        var reason = AbstentionPolicy.Judge(Question, [Passage(0.4, 1)]).Reason;

        Assert.Contains("capital", reason);
    }

    [Fact]
    public void Judge_ParaphraseCoveringSeveralWords_Answers()
    {
        Assert.Null(AbstentionPolicy.Judge(Question, [Passage(0.35, 3)]).Reason);
    }

    [Fact]
    public void Judge_SeveralWordsButLittleWeight_Abstains()
    {
        Assert.NotNull(AbstentionPolicy.Judge(Question, [Passage(0.2, 4)]).Reason);
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

        var reason = AbstentionPolicy.Judge(question, [Passage(0.9, 2)]).Reason;

        Assert.Equal("the sources never mention: obama", reason);
    }

    [Fact]
    public void Judge_UnknownWordThatIsNoName_LeftToCoverage()
    {
        var question = Question with { AsksForSpeaker = true };

        Assert.Null(AbstentionPolicy.Judge(question, [Passage(0.6, 1)]).Reason);
    }
}
