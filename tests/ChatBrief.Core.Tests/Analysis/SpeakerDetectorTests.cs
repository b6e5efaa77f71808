using ChatBrief.Core.Analysis;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Tests.Analysis;

public class SpeakerDetectorTests
{
    private static IReadOnlyCollection<string> Detect(string text) =>
        SpeakerDetector.Detect(new Passage("a#1", "a.txt", 1, 0, text, [new TextSpan(0, text.Length)], new DocumentMetadata("A")));

    [Theory]
    [InlineData("Japanese Defense Minister Takeshi Iwaya requested cooperation from the US.", "Iwaya")]
    [InlineData("\"The alliance is strong,\" Kono said.", "Kono")]
    [InlineData("Secretary of State Mike Pompeo said that a cyberattack could count.", "Pompeo")]
    [InlineData("The plan is sound, said Shanahan.", "Shanahan")]
    [InlineData("According to Glosserman the alliance is strong.", "Glosserman")]
    public void Detect_NameWithSpeechVerb_FindsSpeaker(string text, string speaker)
    {
        Assert.Contains(Detect(text), s => s.Contains(speaker, StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_PronounAfterNamedSpeaker_RefersBack()
    {
        var speakers = Detect("Shanahan referred to threats in space. \"We are not sitting back,\" he said.");

        Assert.Equal(["Shanahan"], speakers);
    }

    [Fact]
    public void Detect_NameWithoutSpeech_FindsNoSpeaker()
    {
        Assert.Empty(Detect("The meeting brought together Taro Kono and Mike Pompeo in Washington."));
    }
}
