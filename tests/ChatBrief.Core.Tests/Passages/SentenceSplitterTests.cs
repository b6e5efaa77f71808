using ChatBrief.Core.Passages;

namespace ChatBrief.Core.Tests.Passages;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("The U.S. and Japan agreed. Both sides left.", "The U.S. and Japan agreed.|Both sides left.")]
    [InlineData("The U.S.-Japan Security Treaty applies. It was signed in 1960.", "The U.S.-Japan Security Treaty applies.|It was signed in 1960.")]
    [InlineData("Gen. Smith and Mr. Jones met Dr. Lee on St. Mark's Square. They talked.", "Gen. Smith and Mr. Jones met Dr. Lee on St. Mark's Square.|They talked.")]
    [InlineData("See No. 5 and Fig. 2 for details. Then stop.", "See No. 5 and Fig. 2 for details.|Then stop.")]
    [InlineData("Some fruit, e.g. Apples, and i.e. Pears are listed. Done.", "Some fruit, e.g. Apples, and i.e. Pears are listed.|Done.")]
    [InlineData("J. Smith and George W. Bush spoke. Nobody else did.", "J. Smith and George W. Bush spoke.|Nobody else did.")]
    [InlineData("Growth was 3.5 percent, up from 2.1. Prices rose.", "Growth was 3.5 percent, up from 2.1.|Prices rose.")]
    [InlineData("He moved to the U.S. The move was hard.", "He moved to the U.S.|The move was hard.")]
    [InlineData("He moved to the U.S. Army base.", "He moved to the U.S. Army base.")]
    [InlineData("Apples, pears, etc. The list ends.", "Apples, pears, etc.|The list ends.")]
    [InlineData("Acme Inc. Chief Jane Roe spoke.", "Acme Inc. Chief Jane Roe spoke.")]
    [InlineData("The meeting began at 9 a.m. and ended late.", "The meeting began at 9 a.m. and ended late.")]
    [InlineData("In 1939, c. 1,300,000 people lived there. Few stayed.", "In 1939, c. 1,300,000 people lived there.|Few stayed.")]
    [InlineData("The Daleks (a.k.a. The Mutants) followed. It aired.", "The Daleks (a.k.a. The Mutants) followed.|It aired.")]
    public void Split_Abbreviations_DoNotEndSentences(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Sentences(text));

    [Theory]
    [InlineData("He said “it is over.” Then he left.", "He said “it is over.”|Then he left.")]
    [InlineData("“Why?” he asked. Nobody knew.", "“Why?” he asked.|Nobody knew.")]
    [InlineData("\"We are ready,\" he said. \"Go.\" They went.", "\"We are ready,\" he said.|\"Go.\"|They went.")]
    [InlineData("Wait! Really?! Yes.", "Wait!|Really?!|Yes.")]
    [InlineData("The talks (held in May.) Failed.", "The talks (held in May.)|Failed.")]
    [InlineData("It ended in 2017. 2018 was calmer.", "It ended in 2017.|2018 was calmer.")]
    public void Split_SentencesEndingInsideQuotesAndBrackets_EndAfterTheClosingMark(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Sentences(text));

    [Theory]
    [InlineData("“They know no bounds … And while cyber carries potential, it is a risk.” He agreed.", "“They know no bounds … And while cyber carries potential, it is a risk.”|He agreed.")]
    [InlineData("“The threat to the US and Japan ... [and] committed to act...” Crucially, they agreed.", "“The threat to the US and Japan ... [and] committed to act...”|Crucially, they agreed.")]
    [InlineData("He paused… Then he left.", "He paused…|Then he left.")]
    [InlineData("He paused... then he left.", "He paused... then he left.")]
    [InlineData("He called it \"a non-issue . . . a diversion.\" Then he left.", "He called it \"a non-issue . . . a diversion.\"|Then he left.")]
    [InlineData("He said \"I am here to . . . Submit cheerfully.\" Then he left.", "He said \"I am here to . . . Submit cheerfully.\"|Then he left.")]
    public void Split_Ellipses_EndASentenceOnlyOutsideQuotations(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Sentences(text));

    [Fact]
    public void Split_WikipediaStyleText_SplitsAtRealBoundariesOnly()
    {
        const string text = "Beyoncé Giselle Knowles-Carter (born September 4, 1981) is an American singer. Born and raised in Houston, Texas, she performed in various singing competitions as a child. Her debut album, Dangerously in Love (2003), sold approx. 11 million copies worldwide.";

        Assert.Equal(3, SentenceSplitter.Split(text).Count);
    }

    [Fact]
    public void Split_SpansAreTrimmedInOrderAndCoverTheText()
    {
        const string text = "  First one.   Second one!  Third  ";

        var spans = SentenceSplitter.Split(text);

        Assert.Equal(["First one.", "Second one!", "Third"], spans.Select(span => span.Of(text)));
        Assert.True(spans.Zip(spans.Skip(1)).All(pair => pair.First.End <= pair.Second.Start));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Split_EmptyText_NoSpans(string text) => Assert.Empty(SentenceSplitter.Split(text));

    [Fact]
    public void Split_TextWithoutTerminalPunctuation_OneSentence() =>
        Assert.Equal(["A heading without a stop"], Sentences("A heading without a stop"));

    [Fact]
    public void Split_StopWithoutFollowingSpace_NotABoundary() =>
        Assert.Equal(["Visit example.org.Then come back."], Sentences("Visit example.org.Then come back."));

    private static IEnumerable<string> Sentences(string text) => SentenceSplitter.Split(text).Select(span => span.Of(text));
}
