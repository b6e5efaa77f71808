using ChatBrief.Core.Answers;
using ChatBrief.Core.Passages;

namespace ChatBrief.Tests.Shared;

/// <summary>Gives a hand-made answer passage what the core gives every passage: its sentence spans and its best sentence's index.</summary>
internal static class SentenceMarking
{
    /// <summary>The passage with the core's sentences of its text, its best sentence marked when it is one of them.</summary>
    public static AnswerPassage Mark(AnswerPassage passage)
    {
        var sentences = SentenceSplitter.Split(passage.Text);
        var best = sentences.ToList().FindIndex(span => span.Of(passage.Text) == passage.BestSentence);
        return passage with { Sentences = sentences, BestSentenceIndex = best };
    }
}
