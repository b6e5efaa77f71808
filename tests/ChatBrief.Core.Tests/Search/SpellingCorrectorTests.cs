using ChatBrief.Core.Analysis;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Search;

namespace ChatBrief.Core.Tests.Search;

public class SpellingCorrectorTests(SpellingCorrectorTests.Corpus corpus) : IClassFixture<SpellingCorrectorTests.Corpus>
{
    private readonly Corpus _corpus = corpus;

    public sealed class Corpus() : CorpusFixture(
        ("a.txt", "Defense Minister Takeshi Iwaya requested cooperation after the F-35A crashed.\n\nThe Senkaku Islands are covered by the treaty.\n\nPrices continued to rise in the spring.\n\nThe joint press availability was held in April.\n\nPeople were told."));

    [Theory]
    [InlineData("Iwya", "Iwaya")]
    [InlineData("iwyaa", "Iwaya")]
    [InlineData("Senkau", "Senkaku")]
    [InlineData("Snekaku", "Senkaku")]
    [InlineData("F35", "F35A")]
    [InlineData("availabilty", "availability")] // its stem is far from "availability"'s: found through the English words
    [InlineData("cooepration", "cooperation")]
    [InlineData("defence", "Defense")] // British spelling of the sources' American one
    [InlineData("wroet", "wrote")] // a word questions are asked with, which the sources need not use
    [InlineData("happeed", "happen")] // a slip in a regular form of a word: the word list has only "happen"
    public async Task Correct_SlipInAWordTheSourcesUse_FindsThatWord(string typed, string meant)
    {
        var corrected = await CorrectAsync(typed);

        Assert.Equal(Term(meant), corrected);
    }

    [Theory]
    [InlineData("F16")] // another number is another aircraft
    [InlineData("rice")] // an English word the sources do not use is a real question, answered by abstaining
    [InlineData("Ewaya")] // the first letter is trusted
    [InlineData("Iwxyz")] // too far from any word
    [InlineData("Iwa")] // too short to tell a slip from another name
    [InlineData("2019")] // numbers are never guessed
    [InlineData("population")] // "people" is a synonym, but not the same word spelled another way
    public async Task Correct_NoLikelySlip_LeavesTheWordAsTyped(string typed)
    {
        Assert.Null(await CorrectAsync(typed));
    }

    [Fact]
    public async Task Correct_NameNearAQuestionWord_StaysAName()
    {
        Assert.Equal("said", await CorrectAsync("saidu"));
        Assert.Null(await CorrectAsync("Saidu", looksLikeName: true));
    }

    [Fact]
    public async Task Correct_NameWithASlip_StillFindsTheSourcesName()
    {
        Assert.Equal("iwaya", await CorrectAsync("Iwya", looksLikeName: true));
    }

    [Fact]
    public async Task AskAsync_UnknownNameOneLetterFromAQuestionWord_IsNotTakenForIt()
    {
        var answer = await _corpus.Files.AskAsync("What did Saidu say about the Senkaku Islands?");

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Corrections);
    }

    [Fact]
    public async Task AskAsync_MisspelledName_AnswersFromThePassageThatNamesIt()
    {
        var answer = await _corpus.Files.AskAsync("What did Iwya request?");

        Assert.False(answer.Abstained);
        Assert.Contains("Iwaya requested", answer.Results[0].Text);
        Assert.Equal([new CorrectedWord("Iwya", "Iwaya")], answer.Corrections);
    }

    [Fact]
    public async Task AskAsync_SlipInAWordWhoseStemDiffers_NamesTheWordAsTheSourcesWriteIt()
    {
        var answer = await _corpus.Files.AskAsync("When was the press availabilty?");

        Assert.Equal([new CorrectedWord("availabilty", "availability")], answer.Corrections);
    }

    [Fact]
    public async Task AskAsync_NoSlip_NoCorrection()
    {
        var answer = await _corpus.Files.AskAsync("What did Iwaya request?");

        Assert.Empty(answer.Corrections);
    }

    [Fact]
    public async Task AskAsync_EnglishWordOneLetterFromASourceWord_Abstains()
    {
        var answer = await _corpus.Files.AskAsync("What about the price of rice?");

        Assert.True(answer.Abstained);
    }

    private async Task<string?> CorrectAsync(string typed, bool looksLikeName = false)
    {
        await _corpus.Files.Index.EnsureReadyAsync();
        using var lease = _corpus.Files.Index.Acquire();
        return new SpellingCorrector(_corpus.Files.Index.Analyzer, new HashSet<string> { "wrote", "happen", "said" }).Correct(lease.Searcher.IndexReader, Term(typed), typed, looksLikeName);
    }

    // "F35" analyses to f, 35 and f35: the whole word's term is the longest.
    private string Term(string word) => _corpus.Files.Index.Analyzer.Tokenize(IndexSchema.Text, word).MaxBy(t => t.Term.Length).Term;
}
