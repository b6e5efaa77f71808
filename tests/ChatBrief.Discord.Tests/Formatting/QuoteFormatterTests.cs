using ChatBrief.Discord.Formatting;

namespace ChatBrief.Discord.Tests.Formatting;

public class QuoteFormatterTests
{
    [Fact]
    public void Format_BestSentence_IsBoldAndTheRestPlain()
    {
        var quote = QuoteFormatter.Format("The treaty covers cyberattacks. It was signed in Tokyo. Both agreed.", "It was signed in Tokyo.", 4096);

        Assert.Equal("The treaty covers cyberattacks. **It was signed in Tokyo.** Both agreed.", quote);
    }

    [Fact]
    public void Format_MarkdownInTheSource_RendersLiterally()
    {
        var quote = QuoteFormatter.Format("Use *stars* here. The **key** point.", "The **key** point.", 4096);

        Assert.Equal(@"Use \*stars\* here. **The \*\*key\*\* point.**", quote);
    }

    [Fact]
    public void Format_LongPassage_KeepsTheBestSentenceAndMarksBothCuts()
    {
        var before = string.Concat(Enumerable.Range(1, 40).Select(i => $"Filler sentence number {i} before. "));
        var after = string.Concat(Enumerable.Range(1, 40).Select(i => $" Filler sentence number {i} after."));
        var text = before + "The answer is here." + after;

        var quote = QuoteFormatter.Format(text, "The answer is here.", 300);

        Assert.True(quote.Length <= 300);
        Assert.Contains("**The answer is here.**", quote);
        Assert.StartsWith("... ", quote);
        Assert.EndsWith(" ...", quote);
    }

    [Fact]
    public void Format_BestSentenceAloneTooLong_IsCutWithOmission()
    {
        var best = string.Join(' ', Enumerable.Repeat("word", 200)) + ".";

        var quote = QuoteFormatter.Format("Intro. " + best + " Outro.", best, 100);

        Assert.True(quote.Length <= 100);
        Assert.StartsWith("... **word", quote);
        Assert.EndsWith("** ...", quote);
    }

    [Fact]
    public void Format_BestSentenceNotInText_QuotesTheTextPlain() =>
        Assert.Equal(@"A \_plain\_ quote.", QuoteFormatter.Format("A _plain_ quote.", "missing", 100));
}
