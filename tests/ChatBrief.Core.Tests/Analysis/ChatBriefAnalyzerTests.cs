using ChatBrief.Core.Analysis;

namespace ChatBrief.Core.Tests.Analysis;

public class ChatBriefAnalyzerTests
{
    private static readonly ChatBriefAnalyzer Analyzer = new();

    private static List<string> Terms(string text) => Analyzer.Tokenize("text", text).Select(t => t.Term).ToList();

    [Theory]
    [InlineData("F-35A", "F35A")]
    [InlineData("F-35A", "f35a")]
    [InlineData("2+2", "two-plus-two")]
    [InlineData("2+2", "2 + 2")]
    [InlineData("2+2", "two plus two")]
    [InlineData("U.S.", "US")]
    [InlineData("Japan’s", "japan")]
    [InlineData("Japan's", "Japan")]
    [InlineData("SDF", "sdf")]
    [InlineData("Self-Defense", "self defense")]
    [InlineData("Pokémon", "pokemon")]
    [InlineData("cyberattacks", "cyberattack")]
    [InlineData("appreciation", "appreciate")]
    public void Tokenize_VariantSpellings_ShareEveryTermOfTheShorterForm(string written, string typed)
    {
        var writtenTerms = Terms(written);
        var typedTerms = Terms(typed);

        Assert.NotEmpty(typedTerms);
        Assert.True(typedTerms.All(writtenTerms.Contains) || writtenTerms.All(typedTerms.Contains), $"{string.Join(",", writtenTerms)} vs {string.Join(",", typedTerms)}");
    }

    [Theory]
    [InlineData("F35", "F-35A")]
    [InlineData("F-35", "F-35A")]
    [InlineData("f 35", "F-35A")]
    public void Tokenize_ModelWithoutVariant_SharesMakerAndNumberWithVariant(string typed, string written)
    {
        var typedTerms = Terms(typed);
        var writtenTerms = Terms(written);

        Assert.Contains("f", typedTerms);
        Assert.Contains("35", typedTerms);
        Assert.Contains("f", writtenTerms);
        Assert.Contains("35", writtenTerms);
    }

    [Fact]
    public void Tokenize_StopWords_AreDropped()
    {
        Assert.Equal(Terms("minister"), Terms("the minister of the"));
    }

    [Fact]
    public void Tokenize_Offsets_PointIntoTheOriginalText()
    {
        const string text = "Japan’s F-35A crashed";

        var tokens = Analyzer.Tokenize("text", text);

        Assert.Contains(tokens, t => text[t.StartOffset..t.EndOffset] == "F-35A");
        Assert.Contains(tokens, t => t.Term == "crash" && text[t.StartOffset..t.EndOffset] == "crashed");
    }
}
