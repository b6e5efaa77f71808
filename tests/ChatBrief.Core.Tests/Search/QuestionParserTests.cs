using ChatBrief.Core.Answers;

namespace ChatBrief.Core.Tests.Search;

public class QuestionParserTests : IClassFixture<QuestionParserTests.Corpus>
{
    private readonly Corpus _corpus;

    public QuestionParserTests(Corpus corpus)
    {
        _corpus = corpus;
    }

    public sealed class Corpus() : IDisposable
    {
        public TestCorpus Files { get; } = new(("a.txt", "The minister said the alliance is strong.\n\nThe F-35A crashed in the Pacific during an exercise."));

        public void Dispose() => Files.Dispose();
    }

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

    [Fact]
    public async Task AskAsync_OnlyQuestionWords_AbstainsInsteadOfShowingNoise()
    {
        var answer = await _corpus.Files.Answers.AskAsync(new AskRequest("what did they say about it?"));

        Assert.True(answer.Abstained);
    }
}
