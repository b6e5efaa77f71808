using ChatBrief.Core.Passages;
using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Tests.Passages;

public class PassageBuilderTests
{
    private static readonly DocumentMetadata Metadata = new("Title", "Author");

    [Fact]
    public void Build_ShortParagraphs_OnePassagePerParagraphNamedBySourceAndNumber()
    {
        var document = new SourceDocument("team/a.txt", Metadata, [new Paragraph(1, "One. Two."), new Paragraph(2, "Three.")]);

        var passages = PassageBuilder.Build(document).ToList();

        Assert.Equal(["team/a.txt#1", "team/a.txt#2"], passages.Select(passage => passage.Id));
        Assert.Equal([1, 2], passages.Select(passage => passage.Number));
        Assert.All(passages, passage => Assert.Equal(0, passage.Part));
        Assert.All(passages, passage => Assert.Equal("team/a.txt", passage.Source));
        Assert.All(passages, passage => Assert.Same(Metadata, passage.Metadata));
        Assert.Equal("One. Two.", passages[0].Text);
        Assert.Equal([new TextSpan(0, 4), new TextSpan(5, 4)], passages[0].Sentences);
    }

    [Fact]
    public void Build_CorpusParagraph_KeepsTheCorpusId()
    {
        var document = new SourceDocument("corpus.jsonl", Metadata, [new Paragraph(7, "Text.", "squad-42")]);

        var passage = Assert.Single(PassageBuilder.Build(document));

        Assert.Equal("squad-42", passage.Id);
        Assert.Equal(7, passage.Number);
    }

    [Fact]
    public void Build_ParagraphOverLimit_SplitIntoBalancedPartsAtSentenceBoundaries()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => $"Sentence number {i} says something about the alliance and its members.").ToList();
        var text = string.Join(' ', sentences);
        var document = new SourceDocument("a.txt", Metadata, [new Paragraph(3, text)]);

        var passages = PassageBuilder.Build(document).ToList();

        Assert.True(text.Length > PassageBuilder.MaxPassageLength);
        Assert.Equal(Enumerable.Range(1, passages.Count), passages.Select(passage => passage.Part));
        Assert.Equal(passages.Select(passage => $"a.txt#3.{passage.Part}"), passages.Select(passage => passage.Id));
        Assert.All(passages, passage => Assert.Equal(3, passage.Number));
        Assert.All(passages, passage => Assert.InRange(passage.Text.Length, 500, PassageBuilder.MaxPassageLength));
        Assert.Equal(text, string.Join(' ', passages.Select(passage => passage.Text)));
        Assert.Equal(sentences, passages.SelectMany(passage => passage.Sentences.Select(span => span.Of(passage.Text))));
    }

    [Fact]
    public void Build_CorpusParagraphOverLimit_KeptWholeUnderItsCorpusId()
    {
        var text = string.Join(' ', Enumerable.Repeat("This sentence is here to make the paragraph long enough to split.", 30));
        var document = new SourceDocument("corpus.jsonl", Metadata, [new Paragraph(1, text, "p9")]);

        var passage = Assert.Single(PassageBuilder.Build(document));

        Assert.Equal(("p9", 0, text), (passage.Id, passage.Part, passage.Text));
    }

    [Fact]
    public void Build_SingleSentenceOverLimit_KeptWholeRatherThanMisquoted()
    {
        var text = string.Join(", ", Enumerable.Repeat("and another clause without a stop", 60)) + ".";
        var document = new SourceDocument("a.txt", Metadata, [new Paragraph(1, text)]);

        var passage = Assert.Single(PassageBuilder.Build(document));

        Assert.Equal(text, passage.Text);
        Assert.Equal(0, passage.Part);
        Assert.Equal("a.txt#1", passage.Id);
    }

    [Fact]
    public void Build_Seed004_EveryPassageHasSentencesCoveringItsText()
    {
        var document = Sources.TestSources.ReadSeed("004_96b31eea1c926156.txt");

        var passages = PassageBuilder.Build(document).ToList();

        Assert.Equal(14, passages.Count);
        Assert.All(passages, passage =>
        {
            Assert.NotEmpty(passage.Sentences);
            Assert.Equal(0, passage.Sentences[0].Start);
            Assert.Equal(passage.Text.Length, passage.Sentences[^1].End);
        });
    }
}
