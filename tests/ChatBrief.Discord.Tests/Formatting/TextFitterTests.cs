using ChatBrief.Discord.Formatting;

namespace ChatBrief.Discord.Tests.Formatting;

public class TextFitterTests
{
    [Fact]
    public void Fit_TextWithinLimit_IsOnlyRendered() =>
        Assert.Equal(@"a \*b\*", TextFitter.Fit("a *b*", 100, DiscordMarkdown.Escape));

    [Fact]
    public void Fit_LongText_CutsAtASentenceEndWithVisibleOmission()
    {
        var fitted = TextFitter.Fit("First sentence here. Second sentence here. Third sentence here.", 50, s => s);

        Assert.Equal("First sentence here. Second sentence here. ...", fitted);
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

    [Fact]
    public void Sentences_Text_JoinBackToTheText()
    {
        const string text = "One. \"Two!\" Three? Four";

        var sentences = TextFitter.Sentences(text);

        Assert.Equal(["One. ", "\"Two!\" ", "Three? ", "Four"], sentences);
        Assert.Equal(text, string.Concat(sentences));
    }
}
