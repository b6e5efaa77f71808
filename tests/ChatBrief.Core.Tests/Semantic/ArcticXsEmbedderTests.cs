using ChatBrief.Core.Semantic;

namespace ChatBrief.Core.Tests.Semantic;

/// <summary>The real model, loaded once for the class: these tests check that the shipped weights are read and used as trained.</summary>
public class ArcticXsEmbedderTests(ArcticXsEmbedderTests.Model model) : IClassFixture<ArcticXsEmbedderTests.Model>
{
    public sealed class Model : IDisposable
    {
        public ArcticXsEmbedder Embedder { get; } = new();

        public void Dispose() => Embedder.Dispose();
    }

    private static float Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void EmbedQuestion_GivesAUnitVectorOfTheModelsDimensions()
    {
        var vector = model.Embedder.EmbedQuestion("What did Iwaya say about the F-35A?");

        Assert.Equal(model.Embedder.Dimensions, vector.Length);
        Assert.InRange(MathF.Sqrt(vector.Sum(x => x * x)), 0.999f, 1.001f);
    }

    [Fact]
    public void EmbedQuestion_ParaphraseWithNoSharedWord_IsCloserThanAnUnrelatedPassage()
    {
        var question = model.Embedder.EmbedQuestion("can hackers trigger the mutual defence pact");
        var passages = model.Embedder.EmbedPassages(
        [
            "A cyberattack could, in certain circumstances, constitute an armed attack under Article 5 of the security treaty.",
            "Ships on the Rhine carry coal, grain and containers between Basel and Rotterdam.",
        ]);

        Assert.True(Cosine(question, passages[0]) > Cosine(question, passages[1]) + 0.1f);
    }

    [Fact]
    public void EmbedPassages_InBatchesOfMixedLength_SameAsOneByOne()
    {
        string[] passages = ["Short one.", string.Join(' ', Enumerable.Repeat("A much longer passage about the alliance.", 30)), "Middle length passage about Okinawa and bases."];

        var together = model.Embedder.EmbedPassages(passages);

        for (var i = 0; i < passages.Length; i++)
        {
            Assert.InRange(Cosine(together[i], model.Embedder.EmbedPassages([passages[i]])[0]), 0.999f, 1.001f);
        }
    }

    [Fact]
    public void EmbedPassages_LongerThanTheModelReads_IsEmbeddedFromItsStart()
    {
        var vector = model.Embedder.EmbedPassages([string.Join(' ', Enumerable.Repeat("The treaty covers cyberattacks.", 400))])[0];

        Assert.Equal(model.Embedder.Dimensions, vector.Length);
    }
}
