using ChatBrief.Core.Indexing;
using ChatBrief.Core.Search;

namespace ChatBrief.Core.Tests.Search;

public class SpellingCorrectorTests : IClassFixture<SpellingCorrectorTests.Corpus>
{
    private readonly Corpus _corpus;

    public SpellingCorrectorTests(Corpus corpus)
    {
        _corpus = corpus;
    }

    public sealed class Corpus() : IDisposable
    {
        public TestCorpus Files { get; } = new(
            ("a.txt", "Defense Minister Takeshi Iwaya requested cooperation after the F-35A crashed.\n\nThe Senkaku Islands are covered by the treaty.\n\nPrices continued to rise in the spring."));

        public void Dispose() => Files.Dispose();
    }

    // Terms as the analyzer writes them: lower case, stemmed, "F-35A" also as "f35a".
    [Theory]
    [InlineData("iwya", "iwaya")]
    [InlineData("iwyaa", "iwaya")]
    [InlineData("senkau", "senkaku")]
    [InlineData("f35", "f35a")]
    public async Task Correct_SlipInAWordTheSourcesUse_FindsThatWord(string typed, string meant)
    {
        var corrected = await CorrectAsync(typed);

        Assert.Equal(meant, corrected);
    }

    [Theory]
    [InlineData("f16")] // another number is another aircraft
    [InlineData("rice")] // an English word the sources do not use is a real question, answered by abstaining
    [InlineData("ewaya")] // the first letter is trusted
    [InlineData("iwxyz")] // too far from any word
    [InlineData("iwa")] // too short to tell a slip from another name
    [InlineData("2019")] // numbers are never guessed
    public async Task Correct_NoLikelySlip_LeavesTheWordAsTyped(string typed)
    {
        Assert.Null(await CorrectAsync(typed));
    }

    [Fact]
    public async Task AskAsync_MisspelledName_AnswersFromThePassageThatNamesIt()
    {
        var answer = await _corpus.Files.AskAsync("What did Iwya request?");

        Assert.False(answer.Abstained);
        Assert.Contains("Iwaya requested", answer.Results[0].Text);
    }

    [Fact]
    public async Task AskAsync_EnglishWordOneLetterFromASourceWord_Abstains()
    {
        var answer = await _corpus.Files.AskAsync("What about the price of rice?");

        Assert.True(answer.Abstained);
    }

    private async Task<string?> CorrectAsync(string typed)
    {
        await _corpus.Files.Index.EnsureReadyAsync();
        using var lease = _corpus.Files.Index.Acquire();
        return SpellingCorrector.Correct(lease.Searcher.IndexReader, IndexSchema.Text, typed);
    }
}
