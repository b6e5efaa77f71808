using ChatBrief.Core.Search;
using ChatBrief.Core.Answers;

namespace ChatBrief.Core.Tests.Search;

public class QuestionParserTests(QuestionParserTests.Corpus corpus) : IClassFixture<QuestionParserTests.Corpus>
{
    private readonly Corpus _corpus = corpus;

    public sealed class Corpus() : CorpusFixture(("a.txt", "The minister said the alliance is strong.\n\nThe F-35A crashed in the Pacific during an exercise."));

    [Theory]
    [InlineData("?")]
    [InlineData("\"")]
    [InlineData("-")]
    [InlineData(":")]
    [InlineData("AND")]
    [InlineData("*")]
    [InlineData("title:F-35A AND (crash OR \"pacific")]
    [InlineData("f35* ~2 ^3 [a TO z] {x} \\ /regex/ &&||!")]
    [InlineData("what did?")]
    [InlineData("\u0000\u0001\uFFFF")]
    public async Task AskAsync_HostileText_NeverThrows(string question)
    {
        var answer = await _corpus.Files.AskAsync(question);

        Assert.NotNull(answer);
    }

    [Fact]
    public async Task AskAsync_TenThousandCharacters_AnswersFromTheFirstPartAndSaysSo()
    {
        var question = "Where did the F-35A crash? " + string.Concat(Enumerable.Repeat("blah ", 2000));

        var answer = await _corpus.Files.AskAsync(question);

        Assert.True(answer.QuestionShortened);
        Assert.True(answer.Question.Length <= 1000);
        Assert.Contains("Pacific", answer.Results[0].Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n")]
    public async Task AskAsync_EmptyQuestion_ThrowsArgumentExceptionWithAReason(string question)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _corpus.Files.AskAsync(question));

        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData("what did they say about it?")]
    [InlineData("u there?")]
    [InlineData("what's the deal with that stuff?")]
    public async Task AskAsync_OnlyQuestionOrChatWords_AbstainsInsteadOfShowingNoise(string question)
    {
        var answer = await _corpus.Files.Answers.AskAsync(new AskRequest(question));

        Assert.True(answer.Abstained);
        Assert.Equal("the question names nothing to look for", answer.AbstentionReason);
    }

    [Theory]
    [InlineData("tell me about the F-35A crash", "f f35a 35 crash")]
    [InlineData("Can you please summarize the crash?", "crash")]
    [InlineData("give me details on the Pacific exercise", "pacif exercis")]
    [InlineData("I want to know about the alliance", "allianc")]
    [InlineData("show me the part about the Pacific", "pacif")]
    [InlineData("quote the minister on the alliance", "minist allianc")]
    [InlineData("any info on the exercise?", "exercis")]
    [InlineData("f-35a crash details pls", "f f35a 35 crash")]
    [InlineData("did anyone mention the exercise", "exercis")]
    [InlineData("What's the deal with the F-35A?", "f f35a 35")]
    [InlineData("what is going on with the alliance", "allianc")]
    [InlineData("What’s the deal with the alliance? I’m curious", "allianc curiou")]
    [InlineData("I’m curious about the alliance", "allianc")]
    [InlineData("Name the minister who spoke", "minist spoke")]
    [InlineData("The passage of what act?", "passag act")]
    [InlineData("What part of the Pacific?", "part pacif")]
    [InlineData("defending against cyberattacks from abroad", "defend cyberattack abroad")]
    [InlineData("WHAT DID THE MINISTER SAY ABOUT THE ALLIANCE", "minist allianc")]
    [InlineData("What Did The Minister Say About The Alliance?", "minist allianc")]
    [InlineData("Who played Doctor Who?", "plai doctor who")]
    [InlineData("What does F-35A stand for?", "f f35a 35")]
    [InlineData("Any quotes from the minister?", "minist")]
    [InlineData("What did the minister say regarding the alliance?", "minist allianc")]
    [InlineData("What is the minister's stand on the alliance?", "minist stand allianc")]
    [InlineData("what r they gonna do abt the alliance pls", "allianc")]
    [InlineData("hey bot, what did the minister say about the alliance? thx", "minist allianc")]
    [InlineData("whats the deal with the alliance", "allianc")]
    [InlineData("im curious about the alliance", "allianc")]
    [InlineData("is the alliance a thing they're worried about", "allianc worri")]
    [InlineData("what's the alliance stuff the minister didn't mention", "allianc minist")]
    [InlineData("theyre not saying it'd help the alliance", "allianc help")]
    [InlineData("tl;dr of the alliance", "allianc")]
    public async Task Parse_ChatRequestPhrasingAndFunctionWords_AreNotSearchedFor(string question, string expectedTerms)
    {
        await _corpus.Files.Index.EnsureReadyAsync();
        using var lease = _corpus.Files.Index.Acquire();
        var parser = new QuestionParser(_corpus.Files.Index.Analyzer);

        var parsed = parser.Parse(question, 1000, lease.Searcher, lease.Snapshot.Aliases);

        Assert.Equal(expectedTerms.Split(' ').Order(), parsed.Terms.Select(t => t.Term).Order());
    }

    [Fact]
    public async Task AskAsync_OnlyARequestWithNoTopic_Abstains()
    {
        var answer = await _corpus.Files.AskAsync("tell me");

        Assert.True(answer.Abstained);
    }
}
