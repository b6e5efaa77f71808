using ChatBrief.Core.Passages;
using ChatBrief.Discord.Formatting;

namespace ChatBrief.Discord.Tests.Formatting;

public class QuoteFormatterTests
{
    [Fact]
    public void Format_BestSentence_IsBoldAndTheRestPlain()
    {
        var quote = Format("The treaty covers cyberattacks. It was signed in Tokyo. Both agreed.", "It was signed in Tokyo.", 4096);

        Assert.Equal("The treaty covers cyberattacks. **It was signed in Tokyo.** Both agreed.", quote);
    }

    [Fact]
    public void Format_MarkdownInTheSource_RendersLiterally()
    {
        var quote = Format("Use *stars* here. The **key** point.", "The **key** point.", 4096);

        Assert.Equal(@"Use \*stars\* here. **The \*\*key\*\* point.**", quote);
    }

    [Fact]
    public void Format_LongPassage_KeepsTheBestSentenceAndMarksBothCuts()
    {
        var before = string.Concat(Enumerable.Range(1, 40).Select(i => $"Filler sentence number {i} before. "));
        var after = string.Concat(Enumerable.Range(1, 40).Select(i => $" Filler sentence number {i} after."));
        var text = before + "The answer is here." + after;

        var quote = Format(text, "The answer is here.", 300);

        Assert.True(quote.Length <= 300);
        Assert.Contains("**The answer is here.**", quote);
        Assert.StartsWith("... ", quote);
        Assert.EndsWith(" ...", quote);
    }

    [Fact]
    public void Format_AbbreviationInTheBestSentence_CutOnlyWhereTheCoreEndsSentences()
    {
        const string text = "Talks began. The U.S. and Japan signed the pact in Tokyo. Filler follows here at some length.";

        var quote = Format(text, "The U.S. and Japan signed the pact in Tokyo.", 60);

        Assert.Equal("... **The U.S. and Japan signed the pact in Tokyo.** ...", quote);
    }

    [Fact]
    public void Format_BestSentenceAloneTooLong_IsCutWithOmission()
    {
        var best = "The " + string.Join(' ', Enumerable.Repeat("word", 200)) + ".";

        var quote = Format("Intro. " + best + " Outro.", best, 100);

        Assert.True(quote.Length <= 100);
        Assert.StartsWith("... **The word", quote);
        Assert.EndsWith("** ...", quote);
    }

    [Fact]
    public void Format_NoBestSentence_WholeSentencesFromTheStartPlain()
    {
        const string text = "The U.S. envoy arrived. A second sentence that is long enough not to fit.";

        var quote = QuoteFormatter.Format(text, SentenceSplitter.Split(text), best: -1, 40);

        Assert.Equal("The U.S. envoy arrived. ...", quote);
    }

    [Fact]
    public void Format_NoSentences_QuotesTheTextPlain() =>
        Assert.Equal(@"A \_plain\_ quote.", QuoteFormatter.Format("A _plain_ quote.", [], best: -1, 100));

    private static string Format(string text, string best, int maxLength)
    {
        var sentences = SentenceSplitter.Split(text);
        var index = sentences.ToList().FindIndex(span => span.Of(text) == best);
        Assert.True(index >= 0, "the best sentence is one of the core's sentences");
        return QuoteFormatter.Format(text, sentences, index, maxLength);
    }
}
