using ChatBrief.Discord.Formatting;

namespace ChatBrief.Discord.Tests.Formatting;

public class TextFitterTests
{
    [Fact]
    public void Fit_TextWithinLimit_IsOnlyRendered() =>
        Assert.Equal(@"a \*b\*", TextFitter.Fit("a *b*", 100, DiscordMarkdown.Escape));

    [Fact]
    public void Fit_LongText_CutsAtAWordEndNotAtAGuessedSentenceEnd()
    {
        var fitted = TextFitter.Fit("Envoys of the U.S. met. Second sentence here.", 24, s => s);

        Assert.Equal("Envoys of the U.S. ...", fitted);
    }

    [Fact]
    public void Fit_OneLongSentence_CutsAtAWordEnd()
    {
        var fitted = TextFitter.Fit("one two three four five six seven", 20, s => s);

        Assert.Equal("one two three ...", fitted);
        Assert.True(fitted.Length <= 20);
    }

    [Fact]
    public void Fit_EscapingGrowsTheText_StillFits()
    {
        var text = string.Concat(Enumerable.Repeat("*a* _b_ ", 100));

        var fitted = TextFitter.Fit(text, 101, DiscordMarkdown.Escape);

        Assert.True(fitted.Length <= 101);
        Assert.EndsWith(" ...", fitted);
    }

    [Fact]
    public void Fit_SurrogatePairAtTheCut_IsNotSplit()
    {
        var fitted = TextFitter.Fit(string.Concat(Enumerable.Repeat("😀", 20)), 11, s => s);

        Assert.True(fitted.Length <= 11);
        Assert.EndsWith(" ...", fitted);
        Assert.False(char.IsHighSurrogate(fitted[..^4][^1]));
    }
}
