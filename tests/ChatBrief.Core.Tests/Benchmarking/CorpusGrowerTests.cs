using ChatBrief.Core.Benchmarking;

namespace ChatBrief.Core.Tests.Benchmarking;

public class CorpusGrowerTests
{
    private static readonly CorpusPassage[] Corpus =
    [
        new("a", "Alpha", "The first sentence is here. The second one follows."),
        new("b", "Beta", "A lone sentence about the treaty."),
        new("c", "Gamma", "Ships sailed west. Planes flew east. Trains ran north."),
    ];

    private static readonly HashSet<string> Sentences =
    [
        "The first sentence is here.", "The second one follows.", "A lone sentence about the treaty.", "Ships sailed west.",
        "Planes flew east.", "Trains ran north.",
    ];

    [Fact]
    public void Grow_MorePassagesThanTheCorpus_KeepsTheCorpusFirstAndAddsRecombinedSentences()
    {
        var grown = CorpusGrower.Grow(Corpus, 50).ToList();

        Assert.Equal(50, grown.Count);
        Assert.Equal(Corpus, grown.Take(3));
        Assert.All(grown.Skip(3), passage =>
        {
            Assert.StartsWith("grown-", passage.Id);
            Assert.Contains(passage.Title, Corpus.Select(c => c.Title));
            Assert.All(ChatBrief.Core.Passages.SentenceSplitter.Split(passage.Text), span => Assert.Contains(passage.Text.Substring(span.Start, span.Length).Trim(), Sentences));
        });
        Assert.Equal(47, grown.Skip(3).Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Grow_TwiceFromTheSameCorpus_GivesTheSamePassages()
    {
        Assert.Equal(CorpusGrower.Grow(Corpus, 30), CorpusGrower.Grow(Corpus, 30));
    }

    [Fact]
    public void Grow_FewerPassagesThanTheCorpus_TakesTheFirst()
    {
        Assert.Equal(Corpus.Take(2), CorpusGrower.Grow(Corpus, 2));
    }

    [Fact]
    public void WriteThenRead_GivesThePassagesBack()
    {
        var file = Path.GetTempFileName();
        try
        {
            CorpusGrower.Write(CorpusGrower.Grow(Corpus, 10), file);

            Assert.Equal(CorpusGrower.Grow(Corpus, 10), CorpusGrower.Read(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Read_LineWithoutText_SaysWhichLine()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["{\"id\":\"a\",\"title\":\"t\",\"text\":\"x\"}", "{\"id\":\"b\"}"]);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => CorpusGrower.Read(file));

            Assert.Contains("line 2", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
